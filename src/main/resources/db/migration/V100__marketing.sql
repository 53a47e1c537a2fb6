-- Marketing campaigns (J1), their members and captured leads, and the public web-to-lead form (J2).
create table campaign (
    id uuid primary key,
    name varchar(200) not null,
    type varchar(20) not null,
    status varchar(20) not null,
    start_date date,
    end_date date,
    budget numeric(14, 2),
    actual_cost numeric(14, 2),
    expected_revenue numeric(14, 2),
    currency varchar(3) not null default 'CNY',
    description varchar(4000),
    -- the target segment: customer list filters as a query string (type=TARGET&tags=…), never SQL
    segment varchar(2000),
    form_enabled boolean not null default false,
    form_token varchar(64) not null,
    owner_id uuid,
    department_id uuid,
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint campaign_form_token_uk unique (form_token)
);
create index campaign_created_idx on campaign (created_at, id);
create index campaign_name_idx on campaign (name, id);
create index campaign_start_idx on campaign (start_date, id);
create index campaign_status_idx on campaign (status);
create index campaign_type_idx on campaign (type);
create index campaign_owner_idx on campaign (owner_id);
create index campaign_department_idx on campaign (department_id);

create table campaign_member (
    id uuid primary key,
    campaign_id uuid not null references campaign (id),
    customer_id uuid not null,
    customer_name varchar(200) not null,
    contact_id uuid,
    contact_name varchar(100),
    status varchar(20) not null,
    response_note varchar(1000),
    responded_at timestamp with time zone,
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint campaign_member_uk unique (campaign_id, customer_id)
);
create index campaign_member_list_idx on campaign_member (campaign_id, created_at, id);
create index campaign_member_customer_idx on campaign_member (customer_id);

create table campaign_lead (
    id uuid primary key,
    campaign_id uuid not null references campaign (id),
    customer_id uuid not null,
    customer_name varchar(200) not null,
    contact_id uuid,
    contact_name varchar(100),
    message varchar(2000),
    via varchar(20) not null,
    duplicate boolean not null default false,
    consent boolean not null default false,
    captured_at timestamp with time zone not null,
    constraint campaign_lead_uk unique (campaign_id, customer_id)
);
create index campaign_lead_list_idx on campaign_lead (campaign_id, captured_at, id);
create index campaign_lead_customer_idx on campaign_lead (customer_id);
