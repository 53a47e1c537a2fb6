-- Contracts and orders (F6) made from accepted quotes, their planned instalments and received payments (F7).
create table contract (
    id                  uuid primary key,
    number              varchar(30)   not null,
    title               varchar(200)  not null,
    kind                varchar(10)   not null,
    status              varchar(12)   not null,
    quote_id            uuid          not null,
    quote_number        varchar(40),
    opportunity_id      uuid,
    customer_id         uuid          not null,
    currency            varchar(3)    not null,
    amount              numeric(18,2) not null,
    net_total           numeric(18,2) not null,
    tax_total           numeric(18,2) not null,
    received            numeric(18,2) not null default 0,
    signing_date        date,
    term_start          date,
    term_end            date,
    renewal_date        date,
    renewal_reminded_at timestamp with time zone,
    delivery_status     varchar(20)   not null,
    signer              varchar(100),
    notes               varchar(4000),
    owner_id            uuid          not null,
    department_id       uuid,
    version             bigint        not null default 0,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_contract_number unique (number),
    constraint uq_contract_quote unique (quote_id)
);
create index ix_contract_created on contract (created_at, id);
create index ix_contract_number on contract (number, id);
create index ix_contract_signing on contract (signing_date, id);
create index ix_contract_renewal on contract (renewal_date, id);
create index ix_contract_customer on contract (customer_id, created_at, id);
create index ix_contract_status on contract (status, created_at, id);
create index ix_contract_delivery on contract (delivery_status, created_at, id);
create index ix_contract_owner on contract (owner_id, created_at, id);
create index ix_contract_department on contract (department_id, created_at, id);
create index ix_contract_opportunity on contract (opportunity_id);
create index ix_contract_renewal_due on contract (renewal_reminded_at, renewal_date);

-- The quote's lines as they were when the contract was made.
create table contract_line (
    contract_id         uuid          not null references contract (id) on delete cascade,
    position            integer       not null,
    product_id          uuid,
    product_code        varchar(60),
    product_name        varchar(200)  not null,
    description         varchar(1000),
    unit                varchar(20),
    quantity            numeric(18,3) not null,
    unit_price          numeric(18,2) not null,
    discount_percent    numeric(5,2)  not null,
    tax_rate            numeric(5,2)  not null,
    net_amount          numeric(18,2) not null,
    tax_amount          numeric(18,2) not null,
    total_amount        numeric(18,2) not null,
    primary key (contract_id, position)
);
create index ix_contract_line_product on contract_line (product_id);

-- Planned instalments; owner and department are the contract's, so lists apply data scope directly.
create table payment_plan (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id) on delete cascade,
    due_date            date          not null,
    amount              numeric(18,2) not null,
    note                varchar(500),
    covered             boolean       not null default false,
    overdue_notified_at timestamp with time zone,
    owner_id            uuid          not null,
    department_id       uuid,
    version             bigint        not null default 0,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index ix_payment_plan_contract on payment_plan (contract_id, due_date, id);
create index ix_payment_plan_due on payment_plan (due_date, id);
create index ix_payment_plan_overdue on payment_plan (covered, due_date, id);
create index ix_payment_plan_notify on payment_plan (overdue_notified_at, covered, due_date);
create index ix_payment_plan_owner on payment_plan (owner_id, due_date, id);
create index ix_payment_plan_department on payment_plan (department_id, due_date, id);

-- Money received.
create table payment (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id) on delete cascade,
    plan_id             uuid          references payment_plan (id) on delete set null,
    received_on         date          not null,
    amount              numeric(18,2) not null,
    method              varchar(20)   not null,
    reference           varchar(100),
    note                varchar(500),
    owner_id            uuid          not null,
    department_id       uuid,
    version             bigint        not null default 0,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index ix_payment_contract on payment (contract_id, received_on, id);
create index ix_payment_received on payment (received_on, id);
create index ix_payment_method on payment (method, received_on, id);
create index ix_payment_plan_link on payment (plan_id);
create index ix_payment_owner on payment (owner_id, received_on, id);
create index ix_payment_department on payment (department_id, received_on, id);
