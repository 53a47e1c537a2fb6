-- B4: relations between customers. Built-in types are parent/subsidiary and master distributor/distributor; admins
-- add their own. For hierarchical types a customer has at most one parent, and cycles are refused by the application.
create table customer_relation_type (
    id           uuid primary key,
    code         varchar(40)  not null unique,
    name_zh      varchar(60)  not null,
    name_en      varchar(60)  not null,
    from_role_zh varchar(60)  not null,
    from_role_en varchar(60)  not null,
    to_role_zh   varchar(60)  not null,
    to_role_en   varchar(60)  not null,
    hierarchical boolean      not null,
    built_in     boolean      not null default false,
    version      bigint       not null default 0
);
insert into customer_relation_type (id, code, name_zh, name_en, from_role_zh, from_role_en, to_role_zh, to_role_en,
    hierarchical, built_in)
values ('00000000-0000-0000-0000-00000000b401', 'PARENT_SUBSIDIARY', '母子公司', 'Parent and subsidiary', '母公司',
    'Parent company', '子公司', 'Subsidiary', true, true);
insert into customer_relation_type (id, code, name_zh, name_en, from_role_zh, from_role_en, to_role_zh, to_role_en,
    hierarchical, built_in)
values ('00000000-0000-0000-0000-00000000b402', 'DISTRIBUTION', '总代理与分销', 'Master distributor and distributor',
    '总代理', 'Master distributor', '分销商', 'Distributor', true, true);

-- from_id is the parent / master side, to_id the subsidiary / distributor side
create table customer_relation (
    id         uuid primary key,
    type_id    uuid not null references customer_relation_type (id),
    from_id    uuid not null references customer (id),
    to_id      uuid not null references customer (id),
    created_by uuid,
    created_at timestamp with time zone not null,
    constraint uq_customer_relation unique (type_id, from_id, to_id)
);
create index ix_customer_relation_from on customer_relation (from_id, type_id);
create index ix_customer_relation_to on customer_relation (to_id, type_id);
