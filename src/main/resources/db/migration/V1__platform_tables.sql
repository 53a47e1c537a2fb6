-- Plumbing shared by every module: event publication log (Spring Modulith), scheduler locks (ShedLock),
-- idempotent creates, login throttling and API tokens.

create table event_publication (
    id                     uuid primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_incomplete on event_publication (completion_date, publication_date);

create table event_publication_archive (
    id                     uuid primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);

create table idempotency_record (
    user_id       uuid         not null,
    idem_key      varchar(100) not null,
    request_path  varchar(300) not null,
    status        integer      not null,
    location      varchar(500),
    response_body varchar,
    created_at    timestamp with time zone not null,
    primary key (user_id, idem_key)
);
create index ix_idempotency_created on idempotency_record (created_at);

create table login_attempt (
    username        varchar(100) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone,
    locked_until    timestamp with time zone
);

create table api_token (
    id           uuid primary key,
    user_id      uuid         not null,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone
);
create index ix_api_token_user on api_token (user_id);
