-- A withdrawn content item leaves every station's feed; the entry is kept for the record.
alter table radio_feed_entry add column withdrawn_at timestamp with time zone;
