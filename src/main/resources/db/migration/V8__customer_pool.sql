-- B5: the customer pool (公海). A pooled customer has no owner and no department; everyone who may view customers
-- can see and claim it. owned_since starts the follow-up clock of the automatic return.
alter table customer alter column owner_id drop not null;
alter table customer add column owned_since timestamp with time zone;
alter table customer add column pooled_at timestamp with time zone;
alter table customer add column pool_reason varchar(500);
alter table customer add column pool_warned_at timestamp with time zone;
update customer set owned_since = created_at where owner_id is not null;
alter table contact alter column owner_id drop not null;
create index ix_customer_level_owner on customer (level, owner_id, archived);

-- Pool rules per customer level: return after N days without follow-up (null: never), warn M days before,
-- and at most this many customers of the level per owner (null: no cap).
create table customer_pool_rule (
    level             varchar(20) primary key,
    return_after_days integer,
    warn_before_days  integer not null default 0,
    max_per_owner     integer,
    version           bigint  not null default 0
);
insert into customer_pool_rule (level, return_after_days, warn_before_days, max_per_owner) values ('NORMAL', 30, 7, 200);
insert into customer_pool_rule (level, return_after_days, warn_before_days, max_per_owner) values ('KEY', 60, 7, 100);
insert into customer_pool_rule (level, return_after_days, warn_before_days, max_per_owner) values ('VIP', 90, 14, 50);
