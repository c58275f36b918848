package io.thingseeportal.asset;

import io.thingseeportal.refusal.RefusedException;

/** Temporary installer access that cannot be granted, with the message key that says why. Nothing was saved. */
public class InstallerAccessRefusedException extends RefusedException {

    InstallerAccessRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
