-- A tenant is ACTIVE, or DISABLED by an operator: its users cannot sign in, and those signed in are signed out at their
-- next request (io.thingseeportal.security.DisabledTenantSignOut). Its data stays, and its data stream keeps running.
ALTER TABLE tenant ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE tenant ADD CONSTRAINT tenant_status_known CHECK (status IN ('ACTIVE', 'DISABLED'));
