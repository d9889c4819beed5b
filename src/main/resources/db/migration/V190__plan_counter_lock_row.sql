-- The counter's lock row exists from the start: a node no longer inserts it on its first pass,
-- where two passes at once made one insert fail, and on PostgreSQL a failed insert aborts the
-- transaction around it.
insert into plan_counter_state (name)
select 'delivery' where not exists (select 1 from plan_counter_state where name = 'delivery');
