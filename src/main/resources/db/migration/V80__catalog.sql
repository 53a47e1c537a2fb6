-- Product and service catalogue (F4): products and price lists with per-product prices.
create table product (
    id uuid primary key,
    code varchar(50) not null,
    name varchar(200) not null,
    category varchar(100),
    unit varchar(30) not null,
    list_price numeric(14, 2) not null,
    currency varchar(3) not null,
    tax_rate numeric(5, 2) not null,
    kind varchar(20) not null,
    active boolean not null,
    description varchar(2000),
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint uk_product_code unique (code)
);
create index ix_product_name on product (name, id);
create index ix_product_code on product (code, id);
create index ix_product_list_price on product (list_price, id);
create index ix_product_created on product (created_at, id);
create index ix_product_category on product (category);
create index ix_product_kind on product (kind);
create index ix_product_active on product (active);

create table price_list (
    id uuid primary key,
    name varchar(100) not null,
    currency varchar(3) not null,
    valid_from date,
    valid_to date,
    active boolean not null,
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index ix_price_list_name on price_list (name, id);
create index ix_price_list_created on price_list (created_at, id);
create index ix_price_list_active on price_list (active);

create table price_list_item (
    id uuid primary key,
    price_list_id uuid not null references price_list (id) on delete cascade,
    product_id uuid not null references product (id),
    price numeric(14, 2) not null,
    constraint uk_price_list_item unique (price_list_id, product_id)
);
create index ix_price_list_item_product on price_list_item (product_id);
