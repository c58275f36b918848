-- Group management: the group list sorts by last activity; the group page lists a group's devices with what
-- Thingsee last told us of them. A device's group_id is the full deployment group id, NULL when it is in
-- Thingsee's special group 'unassigned'.
ALTER TABLE deployment_group ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;
UPDATE deployment_group SET last_activity_at = created_at;
ALTER TABLE deployment_group ALTER COLUMN last_activity_at SET NOT NULL;

CREATE INDEX deployment_group_by_activity ON deployment_group (tenant_id, last_activity_at);

ALTER TABLE device ADD COLUMN group_id VARCHAR(40);
ALTER TABLE device ADD COLUMN product_type VARCHAR(40);
ALTER TABLE device ADD COLUMN asset_name VARCHAR(200);
ALTER TABLE device ADD COLUMN installation_status VARCHAR(20) NOT NULL DEFAULT 'new';
ALTER TABLE device ADD COLUMN last_seen TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN battery_level SMALLINT;

CREATE INDEX device_by_group ON device (tenant_id, group_id, tuid);
