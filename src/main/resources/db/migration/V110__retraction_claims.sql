-- A pass that takes a withdrawn item's post back (the one right after the withdrawal, the one
-- for a post made after it, a cancelled publication's, the sweep of any node) first claims the
-- post until the given time, so that no other pass calls the provider for it meanwhile: a post
-- is deleted or trashed once, and its outcome is the one that pass saw. A claim left by a node
-- that died runs out and the sweep takes the post again.
alter table facebook_post add column retract_claimed_until timestamp with time zone;
alter table wordpress_post add column trash_claimed_until timestamp with time zone;
