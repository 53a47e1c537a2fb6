-- A7: changes to key customer fields wait for approval. An administrator chooses the key fields; a change to one
-- by a user who cannot approve becomes a change request that a manager over the customer approves or rejects.
create table customer_key_field (
    field varchar(40) primary key
);

create table customer_change_request (
    id            uuid primary key,
    customer_id   uuid          not null references customer (id),
    field         varchar(40)   not null,
    old_value     varchar(4000),
    new_value     varchar(4000),
    requested_by  uuid          not null,
    requested_at  timestamp with time zone not null,
    status        varchar(20)   not null,
    decided_by    uuid,
    decided_at    timestamp with time zone,
    decision_note varchar(500),
    version       bigint        not null default 0
);
create index ix_change_request_customer on customer_change_request (customer_id, status);
create index ix_change_request_status on customer_change_request (status, requested_at, id);
