package org.openloop.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CrmIntegrationTest
class SequenceNumbersTests {

    @Autowired
    SequenceNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("B1 a block of numbers is consecutive, and the next number follows it")
    void blockIsConsecutive() {
        String name = "block-" + TestData.unique();
        assertThat(numbers.next(name, "T{seq:4}")).isEqualTo("T0001");
        assertThat(numbers.next(name, "T{seq:4}", 3)).containsExactly("T0002", "T0003", "T0004");
        assertThat(numbers.next(name, "T{seq:4}")).isEqualTo("T0005");
        assertThat(numbers.next(name, "T{seq:4}", 0)).isEmpty();
    }

    @Test
    @DisplayName("B1 blocks taken concurrently, the first of them racing to create the counter, never share a number and none fails")
    void concurrentBlocksAreDisjoint() throws Exception {
        String name = "concurrent-" + TestData.unique();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> blocks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                blocks.add(pool.submit(() -> numbers.next(name, "C{seq:5}", 5)));
            }
            Set<String> issued = new HashSet<>();
            for (Future<List<String>> block : blocks) {
                issued.addAll(block.get());
            }
            assertThat(issued).hasSize(100);
            assertThat(numbers.next(name, "C{seq:5}")).isEqualTo("C00101");
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("B1 single numbers asked for in a burst from several threads are never issued twice")
    void burstOfSingleNumbersIsUnique() throws Exception {
        String name = "burst-" + TestData.unique();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> issued = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                issued.add(pool.submit(() -> numbers.next(name, "B{seq:5}")));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> number : issued) {
                distinct.add(number.get());
            }
            assertThat(distinct).hasSize(300);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("B1 a number asked for after a quiet second is taken alone, so an occasional create leaves no gap")
    void quietNumbersLeaveNoGap() throws Exception {
        String name = "quiet-" + TestData.unique();
        assertThat(numbers.next(name, "Q{seq:4}")).isEqualTo("Q0001");
        Thread.sleep(1_100);
        assertThat(numbers.next(name, "Q{seq:4}")).isEqualTo("Q0002");
        assertThat(jdbc.sql("select next_value from number_sequence where name = ?").param(name).query(Long.class)
                .single()).as("nothing reserved beyond what was issued").isEqualTo(3L);
    }
}
