-- K2 at scale (PostgreSQL only; H2 keeps search_term): a document's terms move onto its own row as arrays under GIN
-- indexes, one row per record instead of about eighty, so millions of records stay millions of rows. Queries need
-- all their terms in one array (@>) and confirm the substring on the text of the same array.
-- The index is emptied first (so the new indexes are built on an empty table); the start-up builder
-- (SearchIndexBuilder) rebuilds every record type whose index is empty, with the terms in their new place.
delete from search_document;
drop table search_term;
alter table search_document add column public_terms text[] not null default '{}';
alter table search_document add column sensitive_terms text[] not null default '{}';
create index ix_search_document_public_terms on search_document using gin (public_terms);
create index ix_search_document_sensitive_terms on search_document using gin (sensitive_terms);
-- Results come current first, newest first: with this order in an index a common term (one character that a third
-- of all documents contain) is answered by reading the newest documents until the limit is reached.
create index ix_search_document_recent on search_document (archived, updated_at desc, record_id);
