package org.openloop.crm.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A rerunnable benchmark, not a test: imports a CSV of {@code -Dcrm.benchmark.import-rows} customers (default
 * 20 000), each with a phone, an e-mail and a contact, through the REST API as a sales rep with policy SKIP (so every
 * row also runs duplicate detection), and prints rows per second and the heap while the job ran (sampled every 50 ms;
 * the server runs in this JVM): the most in use right after a collection (live data) and the peak including garbage.
 * An untimed import of {@code -Dcrm.benchmark.import-warm-up-rows} (default 20 000; 0 for none) runs first.
 * Run with
 * {@code mvn test -Dtest=CustomerImportBenchmark -Dcrm.test.excluded-groups= [-Dcrm.test.database=postgresql …]};
 * results go to docs/benchmarks.md.
 */
@Tag("benchmark")
@CrmIntegrationTest
class CustomerImportBenchmark {

    @Autowired
    Api api;

    @Test
    void run() throws Exception {
        int rows = Integer.getInteger("crm.benchmark.import-rows", 20_000);
        int warmUpRows = Integer.getInteger("crm.benchmark.import-warm-up-rows", 20_000);
        if (warmUpRows > 0) {
            // a fresh JVM spends much of its first 20 seconds compiling (the JIT took about a core while the first
            // imports ran), which a server that has been up for a while does not
            importFile(csv(warmUpRows));
        }
        byte[] content = csv(rows);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();

        long uploadStart = System.nanoTime();
        JsonNode upload = upload(content);
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        JsonNode job = run(upload);
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.close();
        // a random phone number may belong to a customer or contact already stored: such a row is skipped (after the
        // same checks), which is rare enough not to change the rate
        assertThat(job.get("errors").asInt()).as("%s", job).isZero();
        assertThat(job.get("created").asInt() + job.get("skipped").asInt()).as("%s", job).isEqualTo(rows);
        assertThat(job.get("created").asInt()).as("%s", job).isGreaterThan(rows * 99 / 100);

        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nCustomer import benchmark (%s, %d cores, max heap %d MiB)%n",
                System.getProperty("crm.test.database", "h2"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "  warm-up: an untimed import of %d rows first%n", warmUpRows);
        System.out.printf(Locale.ROOT, "  file: %d rows, %.1f MiB; upload and full check: %.1f s%n", rows,
                content.length / 1048576.0, uploadSeconds);
        System.out.printf(Locale.ROOT, "  import: %.1f s, %.0f rows/s (%d created, %d skipped as duplicates)%n",
                seconds, rows / seconds, job.get("created").asInt(), job.get("skipped").asInt());
        System.out.printf(Locale.ROOT, "  heap: %d MiB before; while running at most %d MiB right after a collection "
                + "(live data), peak %d MiB including garbage not yet collected%n%n", baseline >> 20, heap.liveMiB(),
                heap.peakMiB());
    }

    /**
     * A CSV of {@code rows} new customers, each with a landline, an e-mail and a contact with a mobile. Names and
     * e-mails carry a unique token and phone numbers start at a random place, so a rerun on the same database does
     * not find its rows as duplicates.
     */
    private static byte[] csv(int rows) {
        String u = TestData.unique();
        int base = java.util.concurrent.ThreadLocalRandom.current().nextInt(50_000_000);
        StringBuilder csv = new StringBuilder("客户名称,电话,邮箱,所属行业,联系人姓名,联系人手机\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "基准%s第%d科技有限公司,0755%08d,bm%s%d@example.com,制造,联系人%d,137%08d\r\n",
                    u, i, base + i, u, i, i, base + i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void importFile(byte[] content) throws Exception {
        run(upload(content));
    }

    /** Starts an uploaded job with the suggested mapping and policy SKIP, as sales1, and waits until it finished. */
    private JsonNode run(JsonNode upload) throws Exception {
        String id = upload.get("job").get("id").asString();
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        upload.get("suggestedMapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        Api.Response started = api.post("/api/v1/imports/jobs/" + id + "/start").as("sales1")
                .json(Map.of("mapping", mapping, "duplicatePolicy", "SKIP", "dryRun", false)).send();
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        JsonNode job;
        do {
            Thread.sleep(200);
            job = api.get("/api/v1/imports/jobs/" + id).as("sales1").send().json();
        }
        while (!job.get("finished").asBoolean());
        return job;
    }

    private JsonNode upload(byte[] content) throws Exception {
        String boundary = "----benchmark-" + TestData.unique();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/imports/customer"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + api.token("sales1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return Api.json().readTree(response.body());
    }
}
