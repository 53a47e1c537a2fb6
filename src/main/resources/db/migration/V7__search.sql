-- K2: global search. One document per searchable record, and its unigram and bigram terms, so that a Chinese
-- substring of any length (科技, 科) is answered from an index on H2 and PostgreSQL alike (pg_trgm does not index
-- terms shorter than three characters). Terms of sensitive fields are flagged so that users without the right to
-- see them cannot find records by them (A4).
create table search_document (
    record_type    varchar(40)   not null,
    record_id      uuid          not null,
    owner_id       uuid,
    department_id  uuid,
    title          varchar(300)  not null,
    subtitle       varchar(300),
    path           varchar(300)  not null,
    archived       boolean       not null default false,
    public_text    varchar(4000) not null,
    sensitive_text varchar(4000) not null,
    updated_at     timestamp with time zone not null,
    primary key (record_type, record_id)
);
create index ix_search_document_owner on search_document (owner_id);
create index ix_search_document_department on search_document (department_id);

create table search_term (
    term        varchar(8)  not null,
    record_type varchar(40) not null,
    record_id   uuid        not null,
    sensitive   boolean     not null,
    primary key (term, record_type, record_id, sensitive)
);
create index ix_search_term_record on search_term (record_type, record_id);
