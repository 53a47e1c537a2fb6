-- Quotes (F5): one row per version of a quote (number + version_no unique), lines with their rounded amounts.
create table quote (
    id uuid primary key,
    number varchar(40) not null,
    version_no integer not null,
    status varchar(20) not null,
    opportunity_id uuid not null,
    opportunity_name varchar(300),
    customer_id uuid not null,
    customer_name varchar(300) not null,
    contact_id uuid,
    price_list_id uuid,
    currency varchar(3) not null,
    quote_date date not null,
    valid_until date not null,
    terms varchar(4000),
    gross_total numeric(16, 2) not null,
    net_total numeric(16, 2) not null,
    tax_total numeric(16, 2) not null,
    grand_total numeric(16, 2) not null,
    approval_required boolean not null,
    approved_by uuid,
    approved_at timestamp with time zone,
    approval_rejected_reason varchar(1000),
    sent_at timestamp with time zone,
    decided_at timestamp with time zone,
    owner_id uuid not null,
    department_id uuid,
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint uk_quote_number_version unique (number, version_no)
);
create index ix_quote_created on quote (created_at, id);
create index ix_quote_number on quote (number, id);
create index ix_quote_valid_until on quote (valid_until, id);
create index ix_quote_grand_total on quote (grand_total, id);
create index ix_quote_quote_date on quote (quote_date, id);
create index ix_quote_status on quote (status, valid_until);
create index ix_quote_customer on quote (customer_id);
create index ix_quote_opportunity on quote (opportunity_id);
create index ix_quote_owner on quote (owner_id);
create index ix_quote_department on quote (department_id);

create table quote_line (
    id uuid primary key,
    quote_id uuid not null references quote (id) on delete cascade,
    position integer not null,
    product_id uuid not null,
    product_code varchar(50) not null,
    product_name varchar(200) not null,
    description varchar(500),
    unit varchar(30) not null,
    quantity numeric(14, 3) not null,
    unit_price numeric(14, 2) not null,
    discount_percent numeric(5, 2) not null,
    tax_rate numeric(5, 2) not null,
    gross_amount numeric(16, 2) not null,
    net_amount numeric(16, 2) not null,
    tax_amount numeric(16, 2) not null,
    total_amount numeric(16, 2) not null
);
create index ix_quote_line_quote on quote_line (quote_id, position);
create index ix_quote_line_product on quote_line (product_id);
