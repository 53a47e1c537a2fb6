package org.openloop.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;

import tools.jackson.databind.JsonNode;

/** Files and calls for the import tests: multipart uploads, starting, waiting for a job, building xlsx files. */
final class ImportFixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ImportFixtures() {
    }

    static Api.Response upload(Api api, String username, String fileName, byte[] content, String encoding) {
        return upload(api, "customer", username, fileName, content, encoding);
    }

    static Api.Response upload(Api api, String recordType, String username, String fileName, byte[] content,
            String encoding) {
        String boundary = "----import-test-" + TestData.unique();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (encoding != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\n"
                        + encoding + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/imports/" + recordType))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + api.token(username))
                    .header("Accept-Language", "en")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response("POST /api/v1/imports/" + recordType + " " + fileName, response.statusCode(),
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

    /** Uploads and returns the upload answer (job and suggested mapping); fails unless 201. */
    static JsonNode uploaded(Api api, String username, String fileName, byte[] content, String encoding) {
        return uploaded(api, "customer", username, fileName, content, encoding);
    }

    static JsonNode uploaded(Api api, String recordType, String username, String fileName, byte[] content,
            String encoding) {
        Api.Response response = upload(api, recordType, username, fileName, content, encoding);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    static Api.Response start(Api api, String username, String jobId, Map<String, String> mapping, String policy,
            boolean dryRun) {
        return api.post("/api/v1/imports/jobs/" + jobId + "/start").as(username)
                .json(Map.of("mapping", mapping, "duplicatePolicy", policy, "dryRun", dryRun)).send();
    }

    /** Uploads, starts with the suggested mapping and waits for the end; returns the finished job. */
    static JsonNode run(Api api, String username, String fileName, byte[] content, String policy, boolean dryRun) {
        return run(api, "customer", username, fileName, content, policy, dryRun);
    }

    static JsonNode run(Api api, String recordType, String username, String fileName, byte[] content, String policy,
            boolean dryRun) {
        JsonNode upload = uploaded(api, recordType, username, fileName, content, null);
        String id = upload.get("job").get("id").asString();
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        upload.get("suggestedMapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        Api.Response started = start(api, username, id, mapping, policy, dryRun);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        return await(api, username, id);
    }

    static JsonNode await(Api api, String username, String jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Api.Response response = api.get("/api/v1/imports/jobs/" + jobId).as(username).send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode job = response.json();
            if (job.get("finished").asBoolean()) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("job %s finishes in time", jobId).isLessThan(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static List<JsonNode> rows(Api api, String username, String jobId) {
        Api.Response response = api.get("/api/v1/imports/jobs/" + jobId + "/rows?size=500").as(username).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> rows = new java.util.ArrayList<>();
        response.json().forEach(rows::add);
        return rows;
    }

    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** An xlsx with the given rows (first row the header), written by POI's usermodel (test side only). */
    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("customers");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    }
                    else if (value instanceof String s && s.startsWith("=")) {
                        row.createCell(c).setCellFormula(s.substring(1));
                    }
                    else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of an xlsx with one entry replaced. */
    static byte[] replaceEntry(byte[] xlsx, String entryName, byte[] content) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(entryName) ? content : in.readAllBytes());
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String entry(byte[] xlsx, String entryName) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(entryName)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            throw new IllegalArgumentException(entryName);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
