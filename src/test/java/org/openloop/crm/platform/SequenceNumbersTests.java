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

@CrmIntegrationTest
class SequenceNumbersTests {

    @Autowired
    SequenceNumbers numbers;

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
}
