-- K2 at scale: global search matches each record type on its own (newest documents of the type first, then the
-- type's term index when a term is rare in it), and lists look up the ids of one type. With one term index over all
-- types, a term rare among customers but common among contacts (王) read every contact holding it to find the few
-- customers. Partial GIN indexes keep customers, contacts and all other types apart; each row is in one of them, so
-- writes cost what they did. The recency index leads with the type, so each type's newest documents are one range.
-- Building them reads the table once per index (minutes at millions of documents).
set local maintenance_work_mem = '256MB';

drop index ix_search_document_public_terms;
drop index ix_search_document_sensitive_terms;
drop index ix_search_document_recent;

create index ix_search_document_customer_public_terms on search_document using gin (public_terms)
    where record_type = 'customer';
create index ix_search_document_customer_sensitive_terms on search_document using gin (sensitive_terms)
    where record_type = 'customer';
create index ix_search_document_contact_public_terms on search_document using gin (public_terms)
    where record_type = 'contact';
create index ix_search_document_contact_sensitive_terms on search_document using gin (sensitive_terms)
    where record_type = 'contact';
create index ix_search_document_other_public_terms on search_document using gin (public_terms)
    where record_type not in ('customer', 'contact');
create index ix_search_document_other_sensitive_terms on search_document using gin (sensitive_terms)
    where record_type not in ('customer', 'contact');

create index ix_search_document_type_recent on search_document (record_type, archived, updated_at desc, record_id);
