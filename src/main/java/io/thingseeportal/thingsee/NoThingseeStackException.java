package io.thingseeportal.thingsee;

/** The tenant has no Thingsee stack configured ({@code portal.thingsee.tenants.<slug>}), so Thingsee cannot be asked. */
public class NoThingseeStackException extends IllegalStateException {

    NoThingseeStackException(String tenant) {
        super("No Thingsee stack is configured for tenant '" + tenant + "' (portal.thingsee.tenants." + tenant + ")");
    }
}
