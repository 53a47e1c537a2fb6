-- B11: custom fields an administrator adds to a record type (customer, contact; opportunities and tickets later).
-- Definitions are never deleted once values exist; they are deactivated. Options of select fields are stored one
-- per line as "value|中文|English".
create table custom_field (
    id            uuid primary key,
    record_type   varchar(50)   not null,
    field_key     varchar(40)   not null,
    label_zh      varchar(100)  not null,
    label_en      varchar(100)  not null,
    field_type    varchar(20)   not null,
    required      boolean       not null default false,
    max_length    integer,
    min_value     numeric(24, 6),
    max_value     numeric(24, 6),
    pattern       varchar(200),
    options       varchar(4000),
    display_order integer       not null default 0,
    active        boolean       not null default true,
    shown_in_list boolean       not null default false,
    filterable    boolean       not null default false,
    version       bigint        not null default 0,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uq_custom_field_key unique (record_type, field_key)
);
create index ix_custom_field_type_order on custom_field (record_type, display_order);

-- Values, typed so that list filters compare in the database with an index: one row per field and record, one row
-- per chosen option of a multi-select field. Records are referenced by type and id only (they live in any module).
create table custom_field_value (
    id           uuid primary key,
    record_type  varchar(50)    not null,
    record_id    uuid           not null,
    field_id     uuid           not null references custom_field (id),
    text_value   varchar(1000),
    number_value numeric(24, 6),
    date_value   date
);
create index ix_custom_field_value_record on custom_field_value (record_type, record_id);
create index ix_custom_field_value_text on custom_field_value (field_id, text_value);
create index ix_custom_field_value_number on custom_field_value (field_id, number_value);
create index ix_custom_field_value_date on custom_field_value (field_id, date_value);
