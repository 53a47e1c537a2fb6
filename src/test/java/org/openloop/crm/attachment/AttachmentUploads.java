package org.openloop.crm.attachment;

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
import java.util.UUID;

import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;

/** Multipart uploads to /api/v1/attachments, which the test kit's JSON and form calls do not cover. */
public final class AttachmentUploads {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AttachmentUploads() {
    }

    /** Uploads as a demo user to a customer and returns the new attachment's id; fails unless 201. */
    static String upload(Api api, String username, UUID customer, String fileName, byte[] content) {
        Api.Response response = multipart(api, api.token(username), "customer", customer, fileName, content, "en");
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().get("id").asString();
    }

    public static Api.Response multipart(Api api, String token, String recordType, UUID recordId, String fileName,
            byte[] content, String language) {
        String boundary = "----attachment-test-" + TestData.unique();
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
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", language)
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
}
