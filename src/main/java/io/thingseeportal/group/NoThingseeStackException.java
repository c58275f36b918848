package io.thingseeportal.group;

/** The tenant has no Thingsee stack configured, so nothing can be created in Thingsee. */
public class NoThingseeStackException extends IllegalStateException {

    NoThingseeStackException(String tenant) {
        super("No Thingsee stack is configured for tenant '" + tenant + "' (portal.thingsee.tenants." + tenant + ")");
    }
}
