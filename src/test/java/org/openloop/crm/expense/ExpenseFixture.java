package org.openloop.crm.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Customers, opportunities in a given status and expenses for the expense and activity-guard tests, over the API.
 * An opportunity of a rep is won by the rep and closed by the manager, as the sales workflow requires.
 */
public final class ExpenseFixture {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api;
    private final JdbcClient jdbc;

    public ExpenseFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public UUID customer(String username) {
        return UUID.fromString(TestData.createCustomer(api, username, Map.of("name", "费用客户" + TestData.unique()))
                .get("id").asString());
    }

    /** A new open opportunity of {@code username}'s on a new customer of theirs. */
    public JsonNode opportunity(String username) {
        return opportunity(username, customer(username));
    }

    public JsonNode opportunity(String username, UUID customerId) {
        Api.Response created = api.post("/api/v1/opportunities").as(username)
                .json(Map.of("customerId", customerId, "name", "费用商机" + TestData.unique(), "amount", "50000.00"))
                .send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    public void win(String username, String opportunityId) {
        ok(api.post("/api/v1/opportunities/" + opportunityId + "/win").as(username).json(Map.of()).send());
    }

    /** Won by its owner, then closed by the manager (a manager step). */
    public void close(String owner, String opportunityId) {
        win(owner, opportunityId);
        ok(api.post("/api/v1/opportunities/" + opportunityId + "/close").as("manager").json(Map.of()).send());
    }

    public void lose(String owner, String opportunityId) {
        UUID reason = jdbc.sql("select id from sales_loss_reason where name = :name").param("name", "价格过高")
                .query(UUID.class).single();
        ok(api.post("/api/v1/opportunities/" + opportunityId + "/lose").as(owner)
                .json(Map.of("lossReasonId", reason)).send());
    }

    public static Map<String, Object> body(String opportunityId, String type, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("opportunityId", opportunityId);
        body.put("type", type);
        body.put("amount", amount);
        body.put("spentOn", LocalDate.now().minusDays(1).toString());
        body.put("description", "拜访客户的费用");
        return body;
    }

    public Api.Response record(String username, Map<String, Object> body) {
        return api.post("/api/v1/expenses").as(username).json(body).send();
    }

    /** Records an expense and fails the test unless it was created. */
    public JsonNode expense(String username, String opportunityId) {
        Api.Response response = record(username, body(opportunityId, "TRAVEL", "320.50"));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    /** A multipart upload to /api/v1/attachments as a demo user. */
    public Api.Response upload(String username, String recordType, String recordId, String fileName,
            byte[] content) {
        String boundary = "----expense-test-" + TestData.unique();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"recordType\"\r\n\r\n"
                    + recordType + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"recordId\"\r\n\r\n" + recordId + "\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/attachments"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + api.token(username))
                    .header("Accept-Language", "en")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response("POST /api/v1/attachments " + fileName, response.statusCode(),
                    response.headers(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
