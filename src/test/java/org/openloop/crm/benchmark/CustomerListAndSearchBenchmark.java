package org.openloop.crm.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.customer.internal.CustomerVolumeGenerator;
import org.openloop.crm.customer.internal.Tags;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rerunnable benchmark, not a test. With {@code -Dcrm.benchmark.customers=N} (default 100 000) it first adds N
 * customers with the volume generator ({@link CustomerVolumeGenerator}: contacts, tags, custom-field values, search
 * documents); with {@code 0} it uses the database as it is, for example one filled by the {@code generate} profile.
 * Then it times through HTTP, as the sales rep {@code sales1} (own scope) and as {@code admin} (company): list pages
 * (first, deep keyset pages, filtered by type, tag, custom field and owner, sorted by name), the capped count, the
 * list's own text search, the contact list and its search, and global search for 1, 2 and 3+ Chinese characters, 2
 * and 4 Latin letters and 4 and 7 phone digits, printing p50, p95 and p99 of {@code -Dcrm.benchmark.calls} calls
 * (default 100) after 5 warm-up calls ({@code -Dcrm.benchmark.search=false} leaves the global search cases out;
 * {@code -Dcrm.benchmark.cases=text} runs only the cases whose label contains the text). Finally it streams the whole customer export as admin in the formats of
 * {@code -Dcrm.benchmark.export} (default {@code csv,xlsx}; {@code false} for none) and prints
 * the time, the rows and the heap in use right after collections while it ran (sampled every 50 ms; the server
 * runs in this JVM). Run with
 * {@code mvn test -Dtest=CustomerListAndSearchBenchmark -Dcrm.test.excluded-groups= [-Dcrm.test.database=postgresql …]};
 * results go to docs/benchmarks.md.
 */
@Tag("benchmark")
@CrmIntegrationTest
class CustomerListAndSearchBenchmark {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerVolumeGenerator generator;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    Tags tags;

    private final Random random = new Random(42);
    private final int calls = Integer.getInteger("crm.benchmark.calls", 100);
    private boolean warmingUp;
    private List<String> contactNames;

    @Test
    void run() throws Exception {
        int count = Integer.getInteger("crm.benchmark.customers", 100_000);
        if (count > 0) {
            CustomerVolumeGenerator.Result result = generator.generate(count, 5000, System.nanoTime());
            System.out.printf(Locale.ROOT, "%nBENCHMARK generated %s%n", result);
        }
        DemoOrganization org = DemoOrganization.load(api);
        System.out.printf(Locale.ROOT, "%nBENCHMARK database=%s customers=%d contacts=%d search documents=%d%n",
                System.getProperty("crm.test.database", "h2"), count("select count(*) from customer"),
                count("select count(*) from contact"), count("select count(*) from search_document"));

        String tag = jdbc.queryForObject("select cast(id as varchar) from tag where name = ?", String.class,
                CustomerVolumeGenerator.TAGS.get(0));
        List<String> names = jdbc.queryForList("""
                select name from customer where owner_id = ? and archived = false and name not like '%(%'
                order by number desc limit 200""", String.class, org.user("sales1").id());
        List<String> mobiles = jdbc.queryForList(
                "select mobile from contact where owner_id = ? order by id limit 200", String.class,
                org.user("sales1").id());
        contactNames = jdbc.queryForList("select name from contact where owner_id = ? order by id limit 200",
                String.class, org.user("sales1").id());

        // one untimed round of every case first, so that the cases timed first do not pay for the JIT compiling
        // and the buffer cache filling (-Dcrm.benchmark.warm-up=false leaves it out)
        if (!"false".equals(System.getProperty("crm.benchmark.warm-up"))) {
            warmingUp = true;
            cases(org, tag, names, mobiles);
            warmingUp = false;
        }
        cases(org, tag, names, mobiles);
        for (String format : System.getProperty("crm.benchmark.export", "csv,xlsx").split(",")) {
            if (!format.isBlank() && !format.equals("false")) {
                export(format.trim());
            }
        }
    }

    private void cases(DemoOrganization org, String tag, List<String> names, List<String> mobiles) {
        for (String user : List.of("sales1", "admin")) {
            String self = org.user(user).id().toString();
            String other = org.user("sales2").id().toString();
            time(user, "list first page (50, newest first)", () -> "/api/v1/customers?size=50");
            time(user, "list page 200 by keyset cursor", fixed(cursorAt(user, "", 200)));
            if (user.equals("admin")) {
                time(user, "list page 2000 by keyset cursor", fixed(cursorAt(user, "", 2000)));
            }
            time(user, "list type=WON", () -> "/api/v1/customers?size=50&type=WON");
            time(user, "list tag (one of 4 tags)", () -> "/api/v1/customers?size=50&tags=" + tag);
            time(user, "list custom field sales_region=east",
                    () -> "/api/v1/customers?size=50&cf." + CustomerVolumeGenerator.FIELD_REGION + "=east");
            time(user, "list owner=" + (user.equals("admin") ? "sales2" : "self"),
                    () -> "/api/v1/customers?size=50&ownerId=" + (user.equals("admin") ? other : self));
            time(user, "list sorted by name", () -> "/api/v1/customers?size=50&sort=name");
            time(user, "list sorted by name, page 200", fixed(cursorAt(user, "&sort=name", 200)));
            time(user, "list type=WON sorted by name", () -> "/api/v1/customers?size=50&type=WON&sort=name");
            time(user, "capped count, all", () -> "/api/v1/customers/count");
            time(user, "capped count, type=WON", () -> "/api/v1/customers/count?type=WON");
            // the list's own text search (q): few matches come from the search index, many from the columns
            time(user, "list search, whole company name", () -> list(names.get(random.nextInt(names.size()))));
            time(user, "list search, 3 Chinese characters (name part)", () -> {
                String name = names.get(random.nextInt(names.size()));
                return list(name.substring(2, 5));
            });
            time(user, "list search, 2 Chinese characters", () -> list(pick("科技", "物流", "杭州", "华信", "有限")));
            time(user, "list search, 4 phone digits", () -> list(String.valueOf(1000 + random.nextInt(9000))));
            time(user, "capped count, search 2 Chinese characters",
                    () -> "/api/v1/customers/count?q=" + URLEncoder.encode(pick("科技", "物流", "杭州", "华信", "有限"),
                            StandardCharsets.UTF_8));
            // the contact list (three million contacts at a million customers), sorted by name by default
            time(user, "contacts list first page (50, by name)", () -> "/api/v1/contacts?size=50");
            time(user, "contacts list search, whole person name", () -> contacts(contactNames.get(
                    random.nextInt(contactNames.size()))));
            time(user, "contacts list search, 2 Chinese characters (title)",
                    () -> contacts(pick("经理", "总监", "主管", "负责")));
            time(user, "contacts list search, 4 phone digits",
                    () -> contacts(String.valueOf(1000 + random.nextInt(9000))));
            time(user, "contacts list search, 7 phone digits", () -> {
                String mobile = mobiles.get(random.nextInt(mobiles.size()));
                return contacts(mobile.substring(3, 10));
            });
            time(user, "contacts capped count, search 7 phone digits", () -> {
                String mobile = mobiles.get(random.nextInt(mobiles.size()));
                return "/api/v1/contacts/count?q=" + mobile.substring(3, 10);
            });
            if ("false".equals(System.getProperty("crm.benchmark.search"))) {
                continue;
            }
            time(user, "search 1 Chinese character", () -> search(pick("科", "华", "杭", "李", "王")));
            time(user, "search 2 Chinese characters", () -> search(pick("科技", "物流", "杭州", "华信", "有限")));
            time(user, "search 3 Chinese characters (name part)", () -> {
                String name = names.get(random.nextInt(names.size()));
                return search(name.substring(2, 5));
            });
            time(user, "search whole company name", () -> search(names.get(random.nextInt(names.size()))));
            time(user, "search 2 Latin letters", () -> search(pick("st", "an", "te", "li", "wa")));
            time(user, "search 4 Latin letters", () -> search(pick("tech", "star", "gold", "emma", "wang")));
            time(user, "search 4 phone digits", () -> search(String.valueOf(1000 + random.nextInt(9000))));
            time(user, "search 7 phone digits", () -> {
                String mobile = mobiles.get(random.nextInt(mobiles.size()));
                return search(mobile.substring(3, 10));
            });
        }
    }

    private static String contacts(String query) {
        return "/api/v1/contacts?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String list(String query) {
        return "/api/v1/customers?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private String search(String query) {
        return "/api/v1/search?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static Supplier<String> fixed(String path) {
        return () -> path;
    }

    /** The path of page {@code page} (1-based) of the list, reached by following the cursors. */
    private String cursorAt(String user, String parameters, int page) {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            Api.Response response = api.get("/api/v1/customers?size=50" + parameters + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).as(user).send();
            var next = response.json().get("nextCursor");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        return "/api/v1/customers?size=50" + parameters
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    private void time(String user, String label, Supplier<String> path) {
        if (!label.contains(System.getProperty("crm.benchmark.cases", ""))) {
            return;
        }
        for (int i = 0; i < 5; i++) {
            api.get(path.get()).as(user).send();
        }
        if (warmingUp) {
            return;
        }
        long[] micros = new long[calls];
        for (int i = 0; i < micros.length; i++) {
            String p = path.get();
            long t = System.nanoTime();
            Api.Response response = api.get(p).as(user).send();
            micros[i] = (System.nanoTime() - t) / 1_000;
            if (response.status() != 200) {
                throw new AssertionError(p + " -> " + response);
            }
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "BENCHMARK | %s | %s | %d | %d | %d |%n", user, label,
                percentile(micros, 50), percentile(micros, 95), percentile(micros, 99));
    }

    /** The value below which {@code p} % of the sorted samples lie (nearest rank), in milliseconds. */
    private static long percentile(long[] sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return Math.round(sortedMicros[Math.max(0, rank - 1)] / 1000.0);
    }

    /** Streams the whole customer export as admin, discarding the bytes, while sampling the heap. */
    private void export(String format) throws Exception {
        System.gc();
        long baseline = HeapSampler.afterLastCollection();
        HeapSampler heap = HeapSampler.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/customers/export?format="
                + format)).header("Authorization", "Bearer " + api.token("admin")).timeout(Duration.ofHours(2))
                .GET().build();
        long start = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (firstByte == 0 && read > 0) {
                    firstByte = System.nanoTime();
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.close();
        if (response.statusCode() != 200) {
            throw new AssertionError("export " + format + " -> " + response.statusCode());
        }
        System.out.printf(Locale.ROOT, "BENCHMARK export %s: %.1f s, first bytes after %.1f s, %.1f MiB%s; heap after "
                + "collections: %d MiB before, at most %d MiB while running (every 30 s: %s), peak incl. garbage %d MiB, "
                + "max heap %d MiB%n", format, seconds, (firstByte - start) / 1e9, bytes / 1048576.0,
                format.equals("csv") ? ", " + (lines - 1) + " rows" : "", baseline >> 20, heap.liveMiB(),
                heap.every30SecondsMiB(), heap.peakMiB(), Runtime.getRuntime().maxMemory() >> 20);
    }


    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
