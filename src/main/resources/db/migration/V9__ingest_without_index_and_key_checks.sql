-- What each message costs PostgreSQL (issue 8's ingest benchmark, docs/benchmarks.md).
--
-- Every message updates its device's row, and last_seen changes with each one. An index over last_seen made every such
-- update a new row version in each of device's five indexes; without it the update changes no indexed column (unless
-- the battery level moves), so PostgreSQL keeps it on the same page and touches no index at all (a HOT update). The
-- device list sorts and filters by last seen among a tenant's devices without it.
DROP INDEX device_by_tenant_seen;

-- The history's foreign key to tenant ran a lookup and a row lock of the tenant for every message inserted, a third of
-- what the insert cost. Only the ingest writes the history, always for the tenant whose stream delivered the message,
-- and tenants are never deleted. The name is PostgreSQL's; H2 (the demo) names its constraints otherwise and keeps it.
ALTER TABLE device_message DROP CONSTRAINT IF EXISTS device_message_tenant_id_fkey;
