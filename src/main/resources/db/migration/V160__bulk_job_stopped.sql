-- An officer may stop a broadcast while it goes out: the job is CANCELLED, the rows not sent yet
-- become SKIPPED STOPPED, and the job says who stopped it and when.
alter table bulk_job add column stopped_by varchar(100);
alter table bulk_job add column stopped_at timestamp with time zone;
