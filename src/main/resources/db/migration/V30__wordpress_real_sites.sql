-- The provider's HTTP status on a delivery row, so that 401 (credentials) and 403 (rights)
-- can be told apart.
alter table delivery add column provider_status integer;

-- The sandbox WordPress keeps a slug per post (its pretty link) and which of its sites the
-- post is on: the one with pretty permalinks or the one with plain permalinks.
alter table sandbox_wordpress_post add column slug varchar(200);
alter table sandbox_wordpress_post add column site varchar(20) not null default 'pretty';

-- A post the channel made, kept in step with the publication that last wrote it: its
-- status on the site (future, publish, trash), its time and whether a newer publication
-- updated it.
alter table wordpress_post add column status varchar(20);
alter table wordpress_post add column scheduled_at timestamp with time zone;
alter table wordpress_post add column updated_at timestamp with time zone;

-- A scheduled post whose publication was cancelled is owed a trash like a withdrawn item's.
alter table wordpress_post add column cancelled_at timestamp with time zone;
