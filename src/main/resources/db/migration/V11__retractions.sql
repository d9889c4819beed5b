-- What withdrawing a content item still owes a channel, kept until it is paid.
-- Each channel keeps its own list of the items it was told are withdrawn (no join to another
-- module's tables), so its periodic sweep can find posts and notices still to retract, also
-- those created after the withdrawal (a dispatch that was in flight when it happened).
create table wordpress_withdrawn (
    content_id bigint primary key,
    withdrawn_at timestamp with time zone not null
);

-- trash_attempts counts the passes that asked the site to trash the post (the first one when the
-- withdrawal was committed, then one per sweep); next_trash_at is when the sweep asks again
-- (the delay doubles each time); trash_given_up_at is set once the attempts are used up, and
-- trash_error keeps the last refusal.
alter table wordpress_post add column trash_attempts integer not null default 0;
alter table wordpress_post add column next_trash_at timestamp with time zone;
alter table wordpress_post add column trash_given_up_at timestamp with time zone;

create table webhook_withdrawn (
    content_id bigint primary key,
    withdrawn_at timestamp with time zone not null,
    reason text,
    marked_at timestamp with time zone not null
);

-- For content.withdrawn rows: passes counts the passes that sent the notice (each may make
-- several HTTP attempts, counted in attempts); next_attempt_at is when the sweep sends it again;
-- given_up_at is set once the passes are used up, or at once when the notice may have reached an
-- endpoint that does not drop duplicates (may_have_arrived: a timeout or 5xx after sending), since
-- sending it again could make that endpoint act twice.
alter table webhook_event add column passes integer not null default 0;
alter table webhook_event add column next_attempt_at timestamp with time zone;
alter table webhook_event add column given_up_at timestamp with time zone;
alter table webhook_event add column may_have_arrived boolean not null default false;
