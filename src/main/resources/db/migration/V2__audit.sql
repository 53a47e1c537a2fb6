-- A6: one row per audited fact. Field changes carry old and new values; mask_style is set for sensitive fields
-- so that readers without the right see them masked.
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamp with time zone not null,
    actor_id       uuid,
    actor_name     varchar(100) not null,
    action         varchar(30)  not null,
    entity_type    varchar(50),
    entity_id      varchar(64),
    field          varchar(100),
    old_value      varchar(4000),
    new_value      varchar(4000),
    mask_style     varchar(10),
    detail         varchar(1000),
    remote_address varchar(64)
);
create index ix_audit_entity on audit_event (entity_type, entity_id, occurred_at);
create index ix_audit_occurred on audit_event (occurred_at, id);
create index ix_audit_actor on audit_event (actor_id, occurred_at);
create index ix_audit_action on audit_event (action, occurred_at);
