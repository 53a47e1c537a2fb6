-- Test only: an owned record without business rules, used to test the data-scope test kit and ScopedRepository.
create table scoped_note (
    id            uuid primary key,
    title         varchar(200) not null,
    owner_id      uuid         not null,
    department_id uuid,
    version       bigint       not null default 0
);
create index ix_scoped_note_title on scoped_note (title, id);
