package dev.reclaimer.internal;

import java.util.concurrent.locks.LockSupport;

/** Threads for records in stress tests, where the actor threads are the harness's own. */
final class StressThreads {

    /** A thread that stays alive, so records bound to it count as live readers. */
    static final Thread ALIVE = startParkedForever();

    private StressThreads() {}

    private static Thread startParkedForever() {
        Thread thread =
                new Thread(
                        () -> {
                            while (true) {
                                LockSupport.park();
                            }
                        },
                        "stress-alive");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
