-- B1/B2: customers and their contacts. Both are owned records (owner_id, department_id) for data scope (A3);
-- a contact carries its customer's owner and department so scope needs no join.
create table customer (
    id                  uuid primary key,
    number              varchar(40)  not null unique,
    name                varchar(200) not null,
    industry            varchar(100),
    company_size        varchar(20),
    type                varchar(20)  not null,
    level               varchar(20)  not null,
    source              varchar(20),
    address             varchar(300),
    phone               varchar(40),
    email               varchar(200),
    website             varchar(300),
    background          varchar(4000),
    pain_points         varchar(4000),
    owner_id            uuid         not null,
    department_id       uuid,
    archived            boolean      not null default false,
    archive_reason      varchar(500),
    last_interaction_at timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null default 0
);
create index ix_customer_owner on customer (owner_id, created_at, id);
create index ix_customer_department on customer (department_id, created_at, id);
create index ix_customer_created on customer (created_at, id);
create index ix_customer_name on customer (name, id);
create index ix_customer_type on customer (type, created_at, id);
create index ix_customer_level on customer (level, created_at, id);
create index ix_customer_source on customer (source, created_at, id);
create index ix_customer_industry on customer (industry, created_at, id);
create index ix_customer_archived on customer (archived, created_at, id);

create table contact (
    id                 uuid primary key,
    customer_id        uuid         not null references customer (id),
    name               varchar(100) not null,
    title              varchar(100),
    mobile             varchar(40),
    office_phone       varchar(40),
    email              varchar(200),
    birthday           date,
    key_decision_maker boolean      not null default false,
    primary_contact    boolean      not null default false,
    owner_id           uuid         not null,
    department_id      uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint       not null default 0
);
create index ix_contact_customer on contact (customer_id, name, id);
create index ix_contact_owner on contact (owner_id, name, id);
create index ix_contact_department on contact (department_id, name, id);
create index ix_contact_name on contact (name, id);
create index ix_contact_mobile on contact (mobile);
create index ix_contact_email on contact (email);
