-- Comments can be edited and deleted by their author (E8): optimistic locking and the time of the last edit.
alter table record_comment add column version bigint not null default 0;
alter table record_comment add column edited_at timestamp with time zone;
