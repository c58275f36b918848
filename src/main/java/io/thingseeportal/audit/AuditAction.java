package io.thingseeportal.audit;

import java.util.Locale;

/** What an entry of the audit log records. Each has a message key {@code audit.action.<name in kebab case>}. */
public enum AuditAction {
    SIGNED_IN,
    SIGN_IN_REFUSED,
    ROLE_CHANGED,
    /** An admin granted a person the installer role for one site until a day (details: which and until when). */
    INSTALLER_ACCESS_GRANTED,
    /** An admin ended such access before its day. */
    INSTALLER_ACCESS_ENDED,
    TENANT_CREATED,
    TENANT_STATUS_CHANGED,
    TENANT_SETTINGS_CHANGED,
    IDENTITY_PROVIDER_CHANGED,
    THINGSEE_API_CHANGED,
    /** An operator changed a tenant's data stream settings (details: broker, topics, whether a password is new). */
    DATA_STREAM_CHANGED,
    /** A device installed, replaced, uninstalled, quarantined or retired (details: which and where). */
    INSTALLATION,
    /** A group created, imported, renamed or deleted, or devices moved into or out of it (details: which). */
    GROUP_CHANGED,
    CONFIGURATION_SENT,
    ROLLOUT_STARTED;

    public String messageKey() {
        return "audit.action." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
