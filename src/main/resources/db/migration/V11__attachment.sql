-- B8: metadata of files attached to any record. The owning record is referenced by type and id only (it may live in
-- any module); access to an attachment follows access to that record. The content itself lives outside the
-- database under storage_key, a generated name unrelated to the user's file name.
create table attachment (
    id           uuid primary key,
    record_type  varchar(50)  not null,
    record_id    uuid         not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    storage_key  varchar(100) not null unique,
    uploaded_by  uuid         not null,
    created_at   timestamp with time zone not null
);
create index ix_attachment_record on attachment (record_type, record_id, created_at);
