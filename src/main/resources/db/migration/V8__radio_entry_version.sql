-- The feed version at which each entry appeared, so that a pull at version N marks (and a feed
-- rendered for version N lists) only the entries the station could have seen at N.
alter table radio_feed_entry add column feed_version bigint not null default 0;
