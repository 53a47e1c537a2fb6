package org.openloop.crm.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rerunnable benchmark, not a test: {@code -Dcrm.benchmark.clients} clients (default 10) each create
 * {@code -Dcrm.benchmark.creates} customers (default 500) through {@code POST /api/v1/customers} as a sales rep or the
 * manager, each request carrying a company name, phone, e-mail and industry, so it runs the whole path a client
 * triggers: validation, duplicate warning lookup, number sequence, search terms, audit rows. Prints creates per
 * second over the timed phase and the latency percentiles, after {@code -Dcrm.benchmark.warm-up-creates} untimed
 * creates (default 2 000) by the same clients. Run with
 * {@code mvn test -Dtest=CustomerCreateThroughputBenchmark -Dcrm.test.excluded-groups= [-Dcrm.test.database=postgresql …]}.
 */
@Tag("benchmark")
@CrmIntegrationTest
class CustomerCreateThroughputBenchmark {

    private static final List<String> USERS = List.of("sales1", "sales2", "manager");

    @Autowired
    Api api;

    @Test
    void run() throws Exception {
        int clients = Integer.getInteger("crm.benchmark.clients", 10);
        int perClient = Integer.getInteger("crm.benchmark.creates", 500);
        USERS.forEach(api::token);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // untimed, with the same clients: a long-running server has compiled its hot paths; a cold one spends a
        // good part of the two cores in the JIT compiler during the first thousands of requests
        int warmUp = Integer.getInteger("crm.benchmark.warm-up-creates", 2000);
        List<Future<?>> warming = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = USERS.get(c % USERS.size());
            warming.add(pool.submit(() -> {
                for (int i = 0; i < warmUp / clients; i++) {
                    create(user, sequence.incrementAndGet());
                }
            }));
        }
        for (Future<?> done : warming) {
            done.get();
        }
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = USERS.get(c % USERS.size());
            results.add(pool.submit(() -> {
                long[] millis = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    create(user, sequence.incrementAndGet());
                    millis[i] = (System.nanoTime() - t) / 1_000_000;
                }
                return millis;
            }));
        }
        long[] all = new long[clients * perClient];
        int k = 0;
        for (Future<long[]> result : results) {
            for (long m : result.get()) {
                all[k++] = m;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "%nBENCHMARK create customers=%d clients=%d database=%s time=%.1fs "
                + "rate=%.0f/s p50=%d ms p95=%d ms p99=%d ms%n", all.length, clients,
                System.getProperty("crm.test.database", "h2"), seconds, all.length / seconds, all[all.length / 2],
                all[(int) (all.length * 0.95) - 1], all[(int) (all.length * 0.99) - 1]);
    }

    private void create(String user, int n) {
        Api.Response response = api.post("/api/v1/customers").as(user).json(Map.of(
                "name", String.format(Locale.ROOT, "压测%08d号科技有限公司", n),
                "phone", String.format(Locale.ROOT, "0571%08d", n),
                "email", "bench" + n + "@example.com",
                "industry", "IT服务")).send();
        if (response.status() != 201) {
            throw new AssertionError(response.toString());
        }
    }
}
