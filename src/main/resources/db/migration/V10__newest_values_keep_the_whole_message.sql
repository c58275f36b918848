-- The newest value and the reported configuration of each tsmId keep the whole message as it arrived, header included
-- (V7 kept only the message's own fields, which cost the ingest a JSON serialization per newest message of a batch).
-- Readers leave the header fields out; rows written before keep their own fields only and read the same.
COMMENT ON COLUMN device_value.fields IS 'The newest data message of this tsmId as it arrived; readers leave out its header fields';
COMMENT ON COLUMN device_configuration.fields IS 'The newest configuration message of this tsmId as it arrived; readers leave out its header fields';
