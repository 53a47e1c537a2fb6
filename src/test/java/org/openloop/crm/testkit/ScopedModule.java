package org.openloop.crm.testkit;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;

import tools.jackson.databind.JsonNode;

/**
 * How the {@link ScopeMatrix} drives one module's owned records (A3): creating a record owned by a given user, and
 * calling each verb over HTTP with a given user's token. Verbs a module does not offer are left out of
 * {@link #verbs()} and never called.
 */
public interface ScopedModule {

    /** The verbs of the matrix and the permission action each needs. */
    enum Verb {
        DETAIL("view"), LIST("view"), EDIT("edit"), DELETE("delete"), EXPORT("export"), ASSIGN("assign");

        private final String action;

        Verb(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    /** What is stored for a record, read straight from the database. */
    record Stored(String title, UUID ownerId) {
    }

    /** A short name for display names, e.g. {@code customer}. */
    String name();

    /** The permission module ({@code customer:view} …), or {@code null} when the module applies scope only. */
    String permissionModule();

    List<Verb> verbs();

    /** Stores a record titled {@code title}, owned by {@code owner} and belonging to the owner's department. */
    UUID create(DemoUser owner, String title);

    /** The stored state, or empty when the record no longer exists. */
    Optional<Stored> stored(UUID id);

    Api.Response detail(String username, UUID id);

    /** Lists the records whose title contains {@code marker}. */
    Api.Response list(String username, String marker);

    /** Changes the title to {@code newTitle}. */
    Api.Response edit(String username, UUID id, String newTitle);

    Api.Response delete(String username, UUID id);

    /** Exports, as CSV, the records whose title contains {@code marker}. */
    Api.Response export(String username, String marker);

    /** Assigns (transfers) the record to {@code assignee}. */
    Api.Response assign(String username, UUID id, DemoUser assignee);

    /** A user every visible record may be assigned to. */
    String assignee();

    /** The JSON field and export column holding the title. */
    String titleField();

    /** Titles in a list response ({@code {"items":[…]}}). */
    default List<String> titlesOfList(Api.Response response) {
        List<String> titles = new ArrayList<>();
        for (JsonNode item : response.json().get("items")) {
            titles.add(item.get(titleField()).asString());
        }
        return titles;
    }

    /** Titles in a CSV export (UTF-8 with BOM, header row). */
    default List<String> titlesOfExport(Api.Response response) {
        String text = response.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> titles = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                titles.add(record.get(titleField()));
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return titles;
    }
}
