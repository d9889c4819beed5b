-- An approver's retry of a broadcast's recipient rows: the rows go back to PENDING and the
-- publication's bulk jobs send them once more. The count lets a job that is ending see that
-- rows were reopened after it last looked, so it sends them before it is DONE.
alter table bulk_job add column retry_requests integer not null default 0;

-- "Never retry a ZNS row that already fell back to SMS" looks up the row standing in for it.
create index delivery_replaces on delivery (replaces_id);
