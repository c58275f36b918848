-- Every message updates its device's row, and last_seen changes with each one. An index over last_seen made every such
-- update a new row version in each of device's five indexes; without it the update changes no indexed column (unless
-- the battery level moves), so PostgreSQL keeps it on the same page and touches no index at all (a HOT update). The
-- device list sorts and filters by last seen among a tenant's devices without it (see docs/benchmarks.md).
DROP INDEX device_by_tenant_seen;
