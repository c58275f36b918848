-- Each tenant's own OpenID Connect provider (io.thingseeportal.tenant.TenantIdentityProviders): its users sign in at
-- /oauth2/authorization/<tenant slug>. The settings portal.oidc.tenants.<slug>.* seed a tenant's row when it has none.
-- client_secret is sealed (io.thingseeportal.secrets.SecretBox), never plain. role_mapping holds one
-- "<claim value>=<ROLE>" per line; empty means the claim holds the portal's role names themselves. email_domains holds
-- the allowed domains, one per line; empty allows every address the provider vouches for.
CREATE TABLE tenant_identity_provider (
    tenant_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    issuer_uri    VARCHAR(500)  NOT NULL,
    client_id     VARCHAR(200)  NOT NULL,
    client_secret VARCHAR(1000) NOT NULL,
    scopes        VARCHAR(500)  NOT NULL,
    role_claim    VARCHAR(100)  NOT NULL,
    role_mapping  VARCHAR(4000) NOT NULL,
    email_domains VARCHAR(2000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The people seen at sign-in, per tenant: who they are, the role their claims gave them (NULL: none, they saw the
-- "no access" page), and when they last signed in. Tenant admins see this list; the "no access" page names the admin
-- seen last.
CREATE TABLE tenant_user (
    tenant_id      BIGINT       NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    subject        VARCHAR(255) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    email          VARCHAR(320),
    role           VARCHAR(16),
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, subject)
);
CREATE INDEX tenant_user_admins ON tenant_user (tenant_id, role, last_sign_in_at);
