package org.openloop.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list API ({@code /api/v1/customers}, {@code /api/v1/contacts}, …) as a test reads it: the ids of the first page and
 * the capped count ({@code …/count}) for a query string, as a given user.
 */
public record ListSearch(Api api, String listPath) {

    public List<String> ids(String username, String query) {
        Api.Response response = api.get(listPath + "?size=100&" + query).as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("items").findValuesAsString("id");
    }

    public long count(String username, String query) {
        Api.Response response = api.get(listPath + "/count?" + query).as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("value").asLong();
    }

    /** The text search parameter, encoded. */
    public static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
