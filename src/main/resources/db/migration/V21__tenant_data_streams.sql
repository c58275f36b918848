-- Each tenant's Thingsee data stream (io.thingseeportal.thingsee.TenantStreamSettings): the MQTT broker that delivers
-- its device messages, and where on it they are. The settings portal.thingsee.tenants.<slug>.stream.* seed a tenant's
-- row when it has none. Every portal node connects as the row says and reconnects when it changes. The passwords are
-- sealed (io.thingseeportal.secrets.SecretBox), never plain; the key and trust stores are files on each node.
-- topic_filters holds one filter per line. enabled = FALSE keeps the settings but receives nothing.
CREATE TABLE tenant_stream (
    tenant_id           BIGINT        NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    enabled             BOOLEAN       NOT NULL,
    broker_url          VARCHAR(500)  NOT NULL,
    username            VARCHAR(200),
    password            VARCHAR(1000),
    topic_filters       VARCHAR(2000) NOT NULL,
    shared_group        VARCHAR(200),
    key_store           VARCHAR(500),
    key_store_password  VARCHAR(1000),
    key_store_type      VARCHAR(10)   NOT NULL,
    trust_store         VARCHAR(500),
    trust_store_password VARCHAR(1000),
    trust_store_type    VARCHAR(10)   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
