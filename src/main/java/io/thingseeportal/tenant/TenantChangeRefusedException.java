package io.thingseeportal.tenant;

import io.thingseeportal.refusal.RefusedException;

/**
 * A change to a tenant that cannot be made (an operator's, or an admin's to their settings), with the message key
 * that says why and its arguments. Nothing was saved.
 */
public class TenantChangeRefusedException extends RefusedException {

    TenantChangeRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
