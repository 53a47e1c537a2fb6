-- B6: which rows of other modules followed a merged record to its survivor, so that undoing the merge moves exactly
-- those back (and not what was added to the survivor since).
create table merged_link (
    record_type varchar(40) not null,
    merged_id   uuid        not null,
    link_type   varchar(60) not null,
    link_id     uuid        not null,
    survivor_id uuid        not null,
    moved_at    timestamp with time zone not null,
    primary key (record_type, merged_id, link_type, link_id)
);
