package dev.reclaimer.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resource whose release method is rewritten by hand the way the agent rewrites one: its first
 * statement hands the call to the engine, and the body runs only when the engine says so.
 */
class TrackedResource {

    static final int SITE =
            ReleaseSites.register(TrackedResource.class.getName(), "release", "()V");
    static final int CLOSE_SITE =
            ReleaseSites.register(
                    TrackedResource.class.getName(), "close", "(ILjava/lang/String;)V");

    final Engine engine;
    final String name;
    final AtomicInteger releases = new AtomicInteger();
    final List<String> events;
    volatile Thread releasedOn;
    volatile boolean released;
    volatile Runnable duringRelease = () -> {};

    TrackedResource(Engine engine, String name, List<String> events) {
        this.engine = engine;
        this.name = name;
        this.events = events;
    }

    TrackedResource(Engine engine, String name) {
        this(engine, name, new CopyOnWriteArrayList<>());
    }

    void release() {
        if (engine.retire(this, null, SITE, TrackedResource.class)) {
            return;
        }
        duringRelease.run();
        releasedOn = Thread.currentThread();
        releases.incrementAndGet();
        events.add("release " + name);
        released = true;
    }

    void close(int code, String reason) {
        if (engine.retire(this, new Object[] {code, reason}, CLOSE_SITE, TrackedResource.class)) {
            return;
        }
        events.add("close " + name + " " + code + " " + reason);
        releases.incrementAndGet();
        released = true;
    }
}
