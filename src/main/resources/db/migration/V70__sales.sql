-- Sales (F1–F3): pipelines with their stages, loss reasons, opportunities and their stage history.
create table sales_pipeline (
    id          uuid primary key,
    name        varchar(100) not null,
    is_default  boolean      not null default false,
    active      boolean      not null default true,
    position    integer      not null default 0,
    version     bigint       not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index ix_sales_pipeline_position on sales_pipeline (position, id);

create table sales_stage (
    id           uuid primary key,
    pipeline_id  uuid         not null references sales_pipeline (id),
    name         varchar(100) not null,
    probability  integer      not null,
    position     integer      not null,
    active       boolean      not null default true,
    version      bigint       not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint ck_sales_stage_probability check (probability between 0 and 100)
);
create index ix_sales_stage_pipeline on sales_stage (pipeline_id, position, id);

create table sales_loss_reason (
    id          uuid primary key,
    name        varchar(100) not null,
    active      boolean      not null default true,
    position    integer      not null default 0,
    version     bigint       not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint uq_sales_loss_reason_name unique (name)
);

create table opportunity (
    id                  uuid primary key,
    number              varchar(30)    not null,
    name                varchar(200)   not null,
    customer_id         uuid           not null,
    customer_name       varchar(200)   not null,
    amount              numeric(18, 2) not null,
    currency            varchar(3)     not null,
    expected_close_date date,
    pipeline_id         uuid           not null references sales_pipeline (id),
    stage_id            uuid           not null references sales_stage (id),
    probability         integer        not null,
    status              varchar(10)    not null,
    loss_reason_id      uuid references sales_loss_reason (id),
    loss_note           varchar(1000),
    campaign_id         uuid,
    competitors         varchar(500),
    next_step           varchar(500),
    description         varchar(4000),
    owner_id            uuid           not null,
    department_id       uuid,
    stage_entered_at    timestamp with time zone not null,
    won_at              timestamp with time zone,
    lost_at             timestamp with time zone,
    closed_at           timestamp with time zone,
    version             bigint         not null default 0,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_opportunity_number unique (number),
    constraint ck_opportunity_probability check (probability between 0 and 100)
);
create index ix_opportunity_created on opportunity (created_at, id);
create index ix_opportunity_number on opportunity (number, id);
create index ix_opportunity_name on opportunity (name, id);
create index ix_opportunity_amount on opportunity (amount, id);
create index ix_opportunity_close on opportunity (expected_close_date, id);
create index ix_opportunity_customer on opportunity (customer_id, created_at, id);
create index ix_opportunity_campaign on opportunity (campaign_id, status);
create index ix_opportunity_status on opportunity (status, created_at, id);
create index ix_opportunity_owner on opportunity (owner_id, created_at, id);
create index ix_opportunity_department on opportunity (department_id, created_at, id);
create index ix_opportunity_pipeline on opportunity (pipeline_id, status, stage_id);
create index ix_opportunity_stage on opportunity (stage_id, created_at, id);
create index ix_opportunity_loss_reason on opportunity (loss_reason_id);

-- Every stage or status change of an opportunity: from, to, when, by whom (F3).
create table opportunity_stage_change (
    id              uuid primary key,
    opportunity_id  uuid         not null references opportunity (id) on delete cascade,
    from_stage_id   uuid,
    to_stage_id     uuid         not null,
    from_status     varchar(10),
    to_status       varchar(10)  not null,
    changed_at      timestamp with time zone not null,
    changed_by      uuid,
    note            varchar(1000)
);
create index ix_opportunity_stage_change on opportunity_stage_change (opportunity_id, changed_at, id);
create index ix_opportunity_stage_change_to on opportunity_stage_change (to_stage_id);

-- The default pipeline exists in every installation (标准销售流程).
insert into sales_pipeline (id, name, is_default, active, position, version, created_at, updated_at)
values ('7a000000-0000-4000-8000-000000000001', '标准销售流程', true, true, 0, 0, current_timestamp, current_timestamp);
insert into sales_stage (id, pipeline_id, name, probability, position, active, version, created_at, updated_at) values
('7a000000-0000-4000-8000-000000000011', '7a000000-0000-4000-8000-000000000001', '初步接洽', 10, 1, true, 0, current_timestamp, current_timestamp),
('7a000000-0000-4000-8000-000000000012', '7a000000-0000-4000-8000-000000000001', '需求确认', 30, 2, true, 0, current_timestamp, current_timestamp),
('7a000000-0000-4000-8000-000000000013', '7a000000-0000-4000-8000-000000000001', '方案报价', 50, 3, true, 0, current_timestamp, current_timestamp),
('7a000000-0000-4000-8000-000000000014', '7a000000-0000-4000-8000-000000000001', '谈判审核', 80, 4, true, 0, current_timestamp, current_timestamp);
