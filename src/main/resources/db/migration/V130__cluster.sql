-- Several nodes share one bulk job: each batch is a range of recipient ids (after_cursor,
-- last_cursor] that one node leases; the node renews locked_until while it works the batch, and
-- another node takes the range over once the lease ran out (a dead node) or the rows were handed
-- back (a stopping node). retaken_by points at the batch row that took the range over, so each
-- range is worked by one live batch at a time and its history stays readable.
alter table bulk_batch add column locked_until timestamp with time zone;
alter table bulk_batch add column retaken_by bigint;
create index bulk_batch_open on bulk_batch (job_id, state, retaken_by);

-- Pacing shared by every node: the next free sending slot of each sender (a provider account),
-- in microseconds since the epoch. A node reserves its slots by moving it forward in a
-- transaction, so the provider's limit holds for the whole cluster, not per node.
create table bulk_pace (
    sender varchar(200) primary key,
    next_free_micros bigint not null
);

-- Spring Integration's JDBC lock (schema of spring-integration-jdbc): the leader lock that
-- picks one node to run the scheduler, the token refreshers and the sweeps.
create table int_lock (
    lock_key char(36) not null,
    region varchar(100) not null,
    client_id char(36),
    created_date timestamp not null,
    expired_after timestamp not null,
    constraint int_lock_pk primary key (lock_key, region)
);

-- When a withdrawal notice was taken for sending, so that the sweep can tell a notice a dead
-- node left SENDING from one being sent now.
alter table webhook_event add column sending_since timestamp with time zone;
