-- The history kept two indexes that lead with (tenant_id, tuid): the primary key (..., tsm_id, tsm_ts) and
-- device_message_by_time (..., tsm_ts). Every message went into both at a place of its own device, a random page of
-- each. One key ordered by time serves the uniqueness of (tuid, tsmId, tsmTs), the device page's newest messages and the
-- chart's time range alike, and halves what each message costs the indexes (see docs/benchmarks.md).
ALTER TABLE device_message DROP CONSTRAINT device_message_pk;
ALTER TABLE device_message ADD CONSTRAINT device_message_pk PRIMARY KEY (tenant_id, tuid, tsm_ts, tsm_id);
DROP INDEX device_message_by_time;
