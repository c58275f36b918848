-- The group page sorts a group's devices by battery, lowest first, to find the ones to service. On a group of
-- 100,000 devices the first page then comes from this index instead of a sort of the whole group. Battery levels
-- change slowly, so the index costs little on updates; last_seen, which changes with every message, gets none.
CREATE INDEX device_by_group_battery ON device (tenant_id, group_id, battery_level, tuid);
