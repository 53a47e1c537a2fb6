-- B3: tags. Managed tags are defined by managers; free tags are created on the fly by anyone who tags a customer.
-- The colour is one of a fixed palette, never free CSS.
create table tag (
    id         uuid primary key,
    name       varchar(40) not null,
    name_key   varchar(40) not null unique,
    colour     varchar(20) not null,
    managed    boolean     not null default false,
    created_by uuid,
    created_at timestamp with time zone not null,
    version    bigint      not null default 0
);
create index ix_tag_name on tag (name, id);

create table customer_tag (
    customer_id uuid not null references customer (id),
    tag_id      uuid not null references tag (id),
    primary key (customer_id, tag_id)
);
create index ix_customer_tag_tag on customer_tag (tag_id, customer_id);
