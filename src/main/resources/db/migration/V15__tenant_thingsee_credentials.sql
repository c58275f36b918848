-- Each tenant's Thingsee API stack and credentials, kept in the database (io.thingseeportal.thingsee.ThingseeStacks).
-- The settings portal.thingsee.tenants.<slug>.* seed a tenant's row when it has none. client_secret is sealed
-- (io.thingseeportal.secrets.SecretBox: "<key id>:<Base64 of AES-GCM nonce and ciphertext>"), never plain.
CREATE TABLE tenant_thingsee (
    tenant_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    base_url      VARCHAR(500)  NOT NULL,
    client_id     VARCHAR(200)  NOT NULL,
    client_secret VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
