-- Live fleet (issue 8): every device's state from Thingsee's data stream.
--
-- device gets what the newest message told: last_seen is the message's own time (tsmTs, not believed when far in the
-- future: then the arrival time), last_arrival_at when it arrived; stale_at = last_seen + 3 report intervals, so that
-- "stale" is one comparison; battery, firmware and group each with the time of the message they came from, so that
-- only newer information replaces them (group_at is also set when the portal itself changes the group).
ALTER TABLE device ADD COLUMN last_arrival_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN stale_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN report_interval_s INTEGER;
ALTER TABLE device ADD COLUMN gateway_tuid VARCHAR(64);
ALTER TABLE device ADD COLUMN battery_charging SMALLINT;
ALTER TABLE device ADD COLUMN battery_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN firmware VARCHAR(100);
ALTER TABLE device ADD COLUMN firmware_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN group_at TIMESTAMP WITH TIME ZONE;

-- The device list: every device of a tenant, sorted by TUID by default.
CREATE INDEX device_by_tenant_seen ON device (tenant_id, last_seen);

-- Every message of the last N days (portal.devices.message-history), once: (tuid, tsmId, tsmTs) is the dedupe key of
-- Thingsee's at-least-once delivery. payload is the message's JSON as it arrived.
CREATE TABLE device_message (
    tenant_id   BIGINT        NOT NULL REFERENCES tenant (id),
    tuid        VARCHAR(64)   NOT NULL,
    tsm_id      INTEGER       NOT NULL,
    tsm_ts      TIMESTAMP WITH TIME ZONE NOT NULL,
    tsm_ev      INTEGER       NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     VARCHAR(65536) NOT NULL,
    CONSTRAINT device_message_pk PRIMARY KEY (tenant_id, tuid, tsm_id, tsm_ts)
);

CREATE INDEX device_message_by_time ON device_message (tenant_id, tuid, tsm_ts);
CREATE INDEX device_message_by_arrival ON device_message (tenant_id, received_at);

-- The newest data message of each tsmId per device (its fields as JSON, header fields left out).
CREATE TABLE device_value (
    tenant_id   BIGINT        NOT NULL REFERENCES tenant (id),
    tuid        VARCHAR(64)   NOT NULL,
    tsm_id      INTEGER       NOT NULL,
    tsm_ts      TIMESTAMP WITH TIME ZONE NOT NULL,
    tsm_ev      INTEGER       NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    fields      VARCHAR(65536) NOT NULL,
    CONSTRAINT device_value_pk PRIMARY KEY (tenant_id, tuid, tsm_id)
);

-- The configuration each device last reported per configuration message (tsmEv 31 echoes, 33 information
-- responses), with the transactionId it answered, if any.
CREATE TABLE device_configuration (
    tenant_id      BIGINT        NOT NULL REFERENCES tenant (id),
    tuid           VARCHAR(64)   NOT NULL,
    tsm_id         INTEGER       NOT NULL,
    tsm_ts         TIMESTAMP WITH TIME ZONE NOT NULL,
    transaction_id BIGINT,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    fields         VARCHAR(65536) NOT NULL,
    CONSTRAINT device_configuration_pk PRIMARY KEY (tenant_id, tuid, tsm_id)
);

-- When the message history of a tenant was last trimmed: the retention job claims a tenant by moving ran_at forward,
-- so that with several nodes one of them trims it.
CREATE TABLE device_message_retention (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenant (id),
    ran_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
