-- What a tenant's admin sets for their organisation beyond its name and country. Null means the portal's default:
-- no preset group, portal.commands.echo-deadline, no largest rollout, portal.bulk.abort-percent.
ALTER TABLE tenant ADD COLUMN default_group_id VARCHAR(40);
ALTER TABLE tenant ADD COLUMN echo_deadline_minutes INTEGER;
ALTER TABLE tenant ADD COLUMN rollout_max_devices INTEGER;
ALTER TABLE tenant ADD COLUMN rollout_stop_percent INTEGER;
ALTER TABLE tenant ADD CONSTRAINT tenant_echo_deadline_minutes CHECK (echo_deadline_minutes BETWEEN 1 AND 1440);
ALTER TABLE tenant ADD CONSTRAINT tenant_rollout_max_devices CHECK (rollout_max_devices >= 1);
ALTER TABLE tenant ADD CONSTRAINT tenant_rollout_stop_percent CHECK (rollout_stop_percent BETWEEN 0 AND 100);
