-- Interactions (C1) and tasks (D1-D4). Customers, contacts, users, opportunities and tickets are referenced by id.

create table interaction (
    id            uuid primary key,
    customer_id   uuid not null,
    channel       varchar(20) not null,
    occurred_at   timestamp with time zone not null,
    place         varchar(200),
    subject       varchar(200) not null,
    summary       varchar(4000),
    feedback      varchar(4000),
    agreements    varchar(4000),
    owner_id      uuid,
    department_id uuid,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null default 0
);
create index interaction_occurred_idx on interaction (occurred_at, id);
create index interaction_created_idx on interaction (created_at, id);
create index interaction_subject_idx on interaction (subject, id);
create index interaction_customer_idx on interaction (customer_id, occurred_at, id);
create index interaction_channel_idx on interaction (channel, occurred_at, id);
create index interaction_owner_idx on interaction (owner_id, occurred_at, id);
create index interaction_department_idx on interaction (department_id, occurred_at, id);

create table interaction_participant (
    interaction_id uuid not null references interaction (id) on delete cascade,
    user_id        uuid not null,
    primary key (interaction_id, user_id)
);
create index interaction_participant_user_idx on interaction_participant (user_id);

create table interaction_contact (
    interaction_id uuid not null references interaction (id) on delete cascade,
    contact_id     uuid not null,
    primary key (interaction_id, contact_id)
);
create index interaction_contact_contact_idx on interaction_contact (contact_id);

create table interaction_todo (
    interaction_id uuid not null references interaction (id) on delete cascade,
    todo_index     integer not null,
    content        varchar(500) not null,
    owner_id       uuid,
    due_at         timestamp with time zone,
    task_id        uuid,
    primary key (interaction_id, todo_index)
);

create table task (
    id                  uuid primary key,
    subject             varchar(200) not null,
    kind                varchar(20) not null,
    priority            varchar(10) not null,
    status              varchar(20) not null,
    start_at            timestamp with time zone,
    due_at              timestamp with time zone not null,
    remind_minutes      integer,
    remind_at           timestamp with time zone,
    reminded_at         timestamp with time zone,
    overdue_alarmed_at  timestamp with time zone,
    customer_id         uuid,
    opportunity_id      uuid,
    ticket_id           uuid,
    interaction_id      uuid,
    description         varchar(4000),
    outcome             varchar(4000),
    completed_at        timestamp with time zone,
    created_by          uuid,
    owner_id            uuid,
    department_id       uuid,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null default 0
);
create index task_due_idx on task (due_at, id);
create index task_start_idx on task (start_at, id);
create index task_created_idx on task (created_at, id);
create index task_priority_idx on task (priority, due_at, id);
create index task_owner_idx on task (owner_id, due_at, id);
create index task_department_idx on task (department_id, due_at, id);
create index task_status_idx on task (status, due_at, id);
create index task_kind_idx on task (kind, due_at, id);
create index task_customer_idx on task (customer_id, due_at, id);
create index task_opportunity_idx on task (opportunity_id);
create index task_ticket_idx on task (ticket_id);
create index task_interaction_idx on task (interaction_id);
-- the reminder job's two questions: reminders due and not sent, open tasks overdue and not alarmed
create index task_remind_idx on task (reminded_at, remind_at);
create index task_overdue_idx on task (overdue_alarmed_at, due_at);
