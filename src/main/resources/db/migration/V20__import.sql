-- Import jobs (B9): one row per uploaded file, its per-row outcomes, and each user's last column mapping.
create table import_job (
    id                uuid primary key,
    record_type       varchar(50)  not null,
    created_by        uuid         not null,
    file_name         varchar(255) not null,
    storage_name      varchar(64)  not null,
    file_format       varchar(10)  not null,
    encoding          varchar(20),
    headers           text         not null,
    mapping           text,
    duplicate_policy  varchar(10),
    dry_run           boolean      not null default false,
    status            varchar(12)  not null,
    total_rows        integer      not null default 0,
    processed_rows    integer      not null default 0,
    created_count     integer      not null default 0,
    updated_count     integer      not null default 0,
    skipped_count     integer      not null default 0,
    error_count       integer      not null default 0,
    locale            varchar(20),
    failure           varchar(500),
    created_at        timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone
);
create index import_job_creator on import_job (created_by, created_at);
create index import_job_status on import_job (status);

create table import_row_result (
    job_id      uuid        not null references import_job (id) on delete cascade,
    row_number  integer     not null,
    outcome     varchar(10) not null,
    record_id   uuid,
    message     varchar(1000),
    primary key (job_id, row_number)
);

create table import_mapping (
    user_id      uuid         not null,
    record_type  varchar(50)  not null,
    mapping      text         not null,
    updated_at   timestamp with time zone not null,
    primary key (user_id, record_type)
);
