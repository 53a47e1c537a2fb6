/**
 * Global search (K2): one search box over every module's records. Modules put a {@link
 * org.openloop.crm.search.SearchDocument} into the {@link org.openloop.crm.search.SearchIndex} whenever a record
 * changes, and offer a {@link org.openloop.crm.search.SearchSource} so the index can be rebuilt. Results obey the
 * reader's module permissions, data scope (A3) and sensitive-field rights (A4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.openloop.crm.search;
