-- B2/K2: a contact's document now holds its title, so the contact list's search (name, title, phones, e-mail) can be
-- answered from the index. Emptying the contacts' documents makes the start-up builder (SearchIndexBuilder) rebuild
-- them with the title.
delete from search_term where record_type = 'contact';
delete from search_document where record_type = 'contact';
