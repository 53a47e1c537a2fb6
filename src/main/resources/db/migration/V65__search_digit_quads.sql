-- K2: digit runs are now also indexed by every four neighbouring digits, and queries of four or more digits look
-- those up instead of digit pairs (which nearly every phone number shares). Emptying the index makes the start-up
-- builder (SearchIndexBuilder) rebuild it for every record type with the new terms.
delete from search_term;
delete from search_document;
