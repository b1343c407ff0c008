package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.ReadSection;
import dev.reclaimer.Reclaimer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Item 2: one protected read of a published table. Each benchmark loads the volatile reference to
 * the current table and looks one entry up; only the protection around it differs. The locks are
 * shared by all threads, as they would be around a shared table; a read section is per thread by
 * design.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadSectionBenchmark {

    /** The published table and the locks that would guard it. */
    @State(Scope.Benchmark)
    public static class Published {
        volatile SharedTable table = new SharedTable();
        final ReentrantReadWriteLock readWriteLock = new ReentrantReadWriteLock();
        final StampedLock stampedLock = new StampedLock();
    }

    /** The reading thread's changing key. */
    @State(Scope.Thread)
    public static class Key {
        int next;
    }

    /**
     * No protection at all: the floor.
     *
     * @param published the table
     * @param key the thread's key
     * @return the entry read
     */
    @Benchmark
    public int plainCall(Published published, Key key) {
        return published.table.lookup(key.next++);
    }

    /**
     * A {@code try (var section = Reclaimer.read())} block around the lookup.
     *
     * @param published the table
     * @param key the thread's key
     * @return the entry read
     */
    @Benchmark
    @SuppressWarnings("try") // the documented idiom: the section is used only to be closed
    public int reclaimerRead(Published published, Key key) {
        try (ReadSection section = Reclaimer.read()) {
            return published.table.lookup(key.next++);
        }
    }

    /**
     * A {@code @ReadSide} method: the agent wraps its body in a read section.
     *
     * @param published the table
     * @param key the thread's key
     * @return the entry read
     */
    @Benchmark
    public int readSideMethod(Published published, Key key) {
        return published.table.lookupReadSide(key.next++);
    }

    /**
     * A {@code ReentrantReadWriteLock} read lock around the lookup.
     *
     * @param published the table and its lock
     * @param key the thread's key
     * @return the entry read
     */
    @Benchmark
    public int readWriteLock(Published published, Key key) {
        ReentrantReadWriteLock.ReadLock lock = published.readWriteLock.readLock();
        lock.lock();
        try {
            return published.table.lookup(key.next++);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A {@code StampedLock} optimistic read, falling back to a read lock if a write intervened.
     *
     * @param published the table and its lock
     * @param key the thread's key
     * @return the entry read
     */
    @Benchmark
    public int stampedOptimisticRead(Published published, Key key) {
        StampedLock lock = published.stampedLock;
        int k = key.next++;
        long stamp = lock.tryOptimisticRead();
        int value = published.table.lookup(k);
        if (lock.validate(stamp)) {
            return value;
        }
        stamp = lock.readLock();
        try {
            return published.table.lookup(k);
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
