-- Collaboration tasks (E1–E7): a customer's request to other departments, its log, escalation and closing loop.
create table collaboration_task (
    id                  uuid primary key,
    number              varchar(20)   not null,
    customer_id         uuid          not null,
    customer_name       varchar(200)  not null,
    owner_id            uuid          not null,
    department_id       uuid,
    content             varchar(2000) not null,
    background          varchar(4000),
    resources           varchar(2000),
    priority            varchar(10)   not null,
    state               varchar(12)   not null,
    expected_at         timestamp with time zone not null,
    accepted_at         timestamp with time zone,
    submitted_at        timestamp with time zone,
    completed_at        timestamp with time zone,
    send_back_reason    varchar(1000),
    escalated_at        timestamp with time zone,
    escalation_reason   varchar(1000),
    satisfaction        varchar(20),
    final_solution      varchar(4000),
    satisfaction_at     timestamp with time zone,
    version             bigint        not null default 0,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_collaboration_task_number unique (number)
);
create index ix_collaboration_task_created on collaboration_task (created_at, id);
create index ix_collaboration_task_expected on collaboration_task (expected_at, id);
create index ix_collaboration_task_number on collaboration_task (number, id);
create index ix_collaboration_task_owner on collaboration_task (owner_id, created_at, id);
create index ix_collaboration_task_department on collaboration_task (department_id, created_at, id);
create index ix_collaboration_task_state on collaboration_task (state, created_at, id);
create index ix_collaboration_task_priority on collaboration_task (priority, created_at, id);
create index ix_collaboration_task_customer on collaboration_task (customer_id, created_at, id);
create index ix_collaboration_task_due on collaboration_task (state, escalated_at, expected_at);
create index ix_collaboration_task_closed on collaboration_task (customer_id, satisfaction_at, id);

-- The people asked and the departments asked (including the departments of the people asked).
create table collaboration_task_user (
    task_id uuid not null references collaboration_task (id) on delete cascade,
    user_id uuid not null,
    primary key (task_id, user_id)
);
create index ix_collaboration_task_user on collaboration_task_user (user_id, task_id);

create table collaboration_task_department (
    task_id       uuid not null references collaboration_task (id) on delete cascade,
    department_id uuid not null,
    primary key (task_id, department_id)
);
create index ix_collaboration_task_dept on collaboration_task_department (department_id, task_id);

-- Task log (任务日志): progress, problems, solutions, and the workflow's own notes (sent back, escalated).
create table collaboration_log (
    id          uuid primary key,
    task_id     uuid          not null references collaboration_task (id) on delete cascade,
    kind        varchar(12)   not null,
    text        varchar(4000) not null,
    author_id   uuid,
    created_at  timestamp with time zone not null
);
create index ix_collaboration_log_task on collaboration_log (task_id, created_at, id);

-- Comments with @mentions on any record type (E8).
create table record_comment (
    id          uuid primary key,
    record_type varchar(40)   not null,
    record_id   uuid          not null,
    author_id   uuid          not null,
    text        varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index ix_record_comment_record on record_comment (record_type, record_id, created_at, id);
