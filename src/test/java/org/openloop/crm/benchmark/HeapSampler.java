package org.openloop.crm.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap of this JVM (where the server of a benchmark runs) every 50 ms on a daemon thread while a phase
 * runs: the most in use right after a collection (live data, what survives), the peak including garbage not yet
 * collected, and the live figure every 30 seconds, all in MiB.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong live = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final List<Long> every30Seconds = new ArrayList<>();
    private final Thread thread;

    private HeapSampler() {
        thread = new Thread(() -> {
            long lastSample = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = afterLastCollection();
                live.accumulateAndGet(now, Math::max);
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() - lastSample > 30_000_000_000L) {
                    lastSample = System.nanoTime();
                    synchronized (every30Seconds) {
                        every30Seconds.add(now >> 20);
                    }
                }
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    /** Stops sampling; the figures stay readable. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    long liveMiB() {
        return live.get() >> 20;
    }

    long peakMiB() {
        return peak.get() >> 20;
    }

    List<Long> every30SecondsMiB() {
        synchronized (every30Seconds) {
            return List.copyOf(every30Seconds);
        }
    }

    /** Heap in use right after the last collection of each pool: what survives, not what waits to be collected. */
    static long afterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
