package org.openloop.crm.importing;

import java.util.Map;

/** One cleaned row of a file: its number in the file (the header is row 1) and the values by column key. */
public record ImportRow(int number, Map<String, String> values) {

    /** The cleaned value of a column, or {@code null} when the column is unmapped or the cell empty. */
    public String get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean has(String key) {
        return get(key) != null;
    }
}
