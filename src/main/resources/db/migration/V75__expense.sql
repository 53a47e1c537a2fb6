-- Expenses on opportunities (F8). Opportunities, customers and users are referenced by id; the receipt is an
-- attachment of record type "expense".

create table expense (
    id             uuid primary key,
    opportunity_id uuid not null,
    customer_id    uuid,
    expense_type   varchar(20) not null,
    amount         numeric(19, 2) not null,
    currency       varchar(3) not null,
    spent_on       date not null,
    description    varchar(2000),
    owner_id       uuid,
    department_id  uuid,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null default 0,
    constraint expense_amount_positive check (amount > 0)
);
create index expense_spent_idx on expense (spent_on, id);
create index expense_amount_idx on expense (amount, id);
create index expense_created_idx on expense (created_at, id);
create index expense_opportunity_idx on expense (opportunity_id, spent_on, id);
create index expense_customer_idx on expense (customer_id, spent_on, id);
create index expense_type_idx on expense (expense_type, spent_on, id);
create index expense_owner_idx on expense (owner_id, spent_on, id);
create index expense_department_idx on expense (department_id, spent_on, id);

