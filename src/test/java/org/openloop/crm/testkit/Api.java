package org.openloop.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running application (random port): no redirects followed, no cookies kept, so every test
 * sees exactly what a client would. Personal access tokens of the demo users are created once per test run.
 */
@Component
public class Api {

    public static final String DEMO_PASSWORD = "demo123";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(Environment environment) {
        this.environment = environment;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** A token of a demo user (password {@value #DEMO_PASSWORD}), created on first use and then reused. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> createToken(u, DEMO_PASSWORD));
    }

    /** Creates a new token with username and password; fails the test if that is refused. */
    public String createToken(String username, String password) {
        Response response = post("/api/v1/auth/tokens")
                .json(Map.of("username", username, "password", password, "name", "test " + username))
                .send();
        assertThat(response.status()).as("token for %s: %s", username, response.text()).isEqualTo(201);
        return response.json().get("token").asString();
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** One request being built. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Accept-Language", "en");
        }

        /** Authenticates as a demo user. */
        public Call as(String username) {
            return bearer(token(username));
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            }
            else {
                headers.put(name, value);
            }
            return this;
        }

        public Call language(String tag) {
            return header("Accept-Language", tag);
        }

        /** A JSON body: a String is sent verbatim (for malformed input), anything else serialised. */
        public Call json(Object value) {
            body = value instanceof String s ? s : JSON.writeValueAsString(value);
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call form(String encoded) {
            body = encoded;
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(method + " " + path, response.statusCode(), response.headers(), response.body());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. */
    public record Response(String request, int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            String text = text();
            return request + " → " + status + " " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
        }
    }
}
