-- B6: duplicate detection and merging. name_key is the normalised company name (CompanyNames.key), filled by the
-- application; e-mails are compared lower-cased and phones normalised, so plain indexes serve every lookup.
alter table customer add column name_key varchar(200);
alter table customer add column merged_into uuid;
create index ix_customer_name_key on customer (name_key);
create index ix_customer_phone on customer (phone);
create index ix_customer_email on customer (email);
create index ix_contact_office_phone on contact (office_phone);

-- One merge of two customers: enough to undo it until an administrator purges it.
create table customer_merge (
    id                uuid primary key,
    survivor_id       uuid          not null references customer (id),
    merged_id         uuid          not null references customer (id),
    survivor_before   varchar(8000) not null,
    moved_contact_ids varchar(8000) not null,
    added_tag_ids     varchar(4000) not null,
    merged_by         uuid,
    merged_at         timestamp with time zone not null,
    undone_by         uuid,
    undone_at         timestamp with time zone,
    version           bigint        not null default 0
);
create index ix_customer_merge_survivor on customer_merge (survivor_id, merged_at);
create index ix_customer_merge_merged on customer_merge (merged_id);
