-- E-mail and call logging (C3, C4): templates, sent and received mail, calls from the telephony system.
create table email_template (
    id         uuid primary key,
    name       varchar(100)  not null,
    subject    varchar(300)  not null,
    body       varchar(20000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint not null default 0
);
create unique index ux_email_template_name on email_template (name);

-- direction OUT (sent from the CRM) or IN (read from the inbound mailbox); status SENT, FAILED, LOGGED (received
-- and matched), REVIEW (received from an unknown address) or DISCARDED. owner/department decide who may see it.
create table email_message (
    id             uuid primary key,
    direction      varchar(3)    not null,
    status         varchar(10)   not null,
    message_id     varchar(500),
    from_address   varchar(320)  not null,
    to_address     varchar(2000) not null,
    subject        varchar(500)  not null,
    body           varchar(100000) not null,
    failure_reason varchar(1000),
    occurred_at    timestamp with time zone not null,
    sender_id      uuid,
    customer_id    uuid,
    contact_id     uuid,
    owner_id       uuid,
    department_id  uuid,
    created_at     timestamp with time zone not null,
    version        bigint not null default 0
);
create unique index ux_email_message_message_id on email_message (message_id);
create index ix_email_message_customer on email_message (customer_id, occurred_at, id);
create index ix_email_message_status on email_message (status, occurred_at, id);
create index ix_email_message_owner on email_message (owner_id);
create index ix_email_message_department on email_message (department_id);

-- status LOGGED (matched to a contact), REVIEW (no contact has the number) or DISCARDED.
create table call_record (
    id               uuid primary key,
    external_id      varchar(200)  not null,
    phone            varchar(40)   not null,
    direction        varchar(3)    not null,
    status           varchar(10)   not null,
    started_at       timestamp with time zone not null,
    duration_seconds integer       not null,
    recording_url    varchar(2000),
    agent_id         uuid,
    customer_id      uuid,
    contact_id       uuid,
    owner_id         uuid,
    department_id    uuid,
    created_by       uuid,
    created_at       timestamp with time zone not null,
    version          bigint not null default 0
);
create unique index ux_call_record_external on call_record (external_id);
create index ix_call_record_customer on call_record (customer_id, started_at, id);
create index ix_call_record_status on call_record (status, started_at, id);
create index ix_call_record_owner on call_record (owner_id);
create index ix_call_record_department on call_record (department_id);
create index ix_call_record_phone on call_record (phone);
