package org.openloop.crm.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.customer.CompanyNames;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.DemoOrganization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rerunnable benchmark, not a test: fills the database with {@code -Dcrm.benchmark.customers} customers (default
 * 100 000) spread over the demo sales reps, builds the search index, then times through HTTP the first list page, a
 * page deep in the keyset, a filtered page, and global search for two Chinese characters and for phone digits, as a
 * sales rep (own scope) and as the administrator (company). Prints median and 95th percentile. Run with
 * {@code mvn test -Dtest=CustomerListAndSearchBenchmark -Dcrm.test.excluded-groups= [-Dcrm.test.database=postgresql …]};
 * results go to docs/benchmarks.md.
 */
@Tag("benchmark")
@CrmIntegrationTest
class CustomerListAndSearchBenchmark {

    private static final String[] CITIES = { "北京", "上海", "广州", "深圳", "杭州", "苏州", "成都", "武汉", "南京", "西安" };
    private static final String[] TRADES = { "科技", "制造", "物流", "零售", "医疗", "教育", "能源", "建筑", "食品", "传媒" };
    private static final String[] SUFFIXES = { "有限公司", "股份有限公司", "集团", "贸易有限公司" };

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    SearchIndex searchIndex;

    @Autowired
    List<SearchSource> sources;

    @Test
    void run() {
        int count = Integer.getInteger("crm.benchmark.customers", 100_000);
        DemoOrganization org = DemoOrganization.load(api);
        List<DemoOrganization.DemoUser> owners = List.of(org.user("sales1"), org.user("sales2"), org.user("manager"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long start = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            DemoOrganization.DemoUser owner = owners.get(i % owners.size());
            String name = CITIES[random.nextInt(CITIES.length)] + "第" + i + TRADES[random.nextInt(TRADES.length)]
                    + SUFFIXES[random.nextInt(SUFFIXES.length)];
            Timestamp created = Timestamp.from(now.minusSeconds(random.nextInt(3_000_000)));
            batch.add(new Object[] { UUID.randomUUID(), String.format(Locale.ROOT, "BM%09d", i), name,
                    CompanyNames.key(name), TRADES[i % TRADES.length], i % 5 == 0 ? "WON" : "TARGET", "NORMAL",
                    String.format(Locale.ROOT, "139%08d", i), owner.id(), owner.departmentId(), created, created,
                    created });
            if (batch.size() == 1000) {
                insert(jdbc, batch);
            }
        }
        insert(jdbc, batch);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        sources.stream().filter(s -> s.recordType().equals("customer")).forEach(searchIndex::rebuild);
        double indexSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%nBENCHMARK customers=%d database=%s load=%.1fs index=%.1fs%n", count,
                System.getProperty("crm.test.database", "h2"), loadSeconds, indexSeconds);
        String two = URLEncoder.encode("科技", StandardCharsets.UTF_8);
        for (String user : List.of("sales1", "admin")) {
            time(user, "list first page (50, newest first)", () -> "/api/v1/customers?size=50");
            time(user, "list page 20 by keyset cursor", () -> deepCursor(user));
            time(user, "list filtered type=WON sorted by name", () -> "/api/v1/customers?size=50&type=WON&sort=name");
            time(user, "search 2 Chinese characters", () -> "/api/v1/search?limit=20&q=" + two);
            time(user, "search 4 phone digits", () -> "/api/v1/search?limit=20&q=" + (1000 + random.nextInt(8999)));
        }
    }

    private String cursorAfter20;

    private String deepCursor(String user) {
        if (cursorAfter20 == null) {
            String cursor = null;
            for (int page = 0; page < 19; page++) {
                Api.Response response = api.get("/api/v1/customers?size=50" + (cursor == null ? "" : "&cursor="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).as(user).send();
                cursor = response.json().get("nextCursor").asString();
            }
            cursorAfter20 = cursor;
        }
        return "/api/v1/customers?size=50&cursor=" + URLEncoder.encode(cursorAfter20, StandardCharsets.UTF_8);
    }

    private void time(String user, String label, Supplier<String> path) {
        cursorAfter20 = label.contains("keyset") ? null : cursorAfter20;
        String warm = path.get();
        for (int i = 0; i < 5; i++) {
            api.get(warm).as(user).send();
        }
        long[] millis = new long[40];
        for (int i = 0; i < millis.length; i++) {
            String p = path.get();
            long t = System.nanoTime();
            Api.Response response = api.get(p).as(user).send();
            millis[i] = (System.nanoTime() - t) / 1_000_000;
            if (response.status() != 200) {
                throw new AssertionError(response.toString());
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "BENCHMARK %-8s %-42s p50=%4d ms  p95=%4d ms%n", user, label,
                millis[millis.length / 2], millis[(int) (millis.length * 0.95) - 1]);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into customer (id, number, name, name_key, industry, type, level, phone, owner_id,
                    department_id, owned_since, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }
}
