package dev.reclaimer.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MBean's object names. Free of {@code javax.management} types, so the engine can hold a name
 * without loading the management classes before registration.
 */
final class MBeanNames {

    /** The documented name, used by the JVM's one global engine. */
    static final String GLOBAL = "dev.reclaimer:type=Reclaimer";

    private static final AtomicInteger TEST_ENGINES = new AtomicInteger();

    private MBeanNames() {}

    /** Returns a fresh number for an engine created for tests, so their names never collide. */
    static int nextTestEngine() {
        return TEST_ENGINES.incrementAndGet();
    }
}
