package dev.reclaimer.internal;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one daemon thread. On every tick it advances the epoch if it can, watches for
 * stalled readers, purges dead threads' records, and runs ready releases when no safepoint has done
 * so for the fallback delay, or when the backlog outgrows what the safepoints' budgets let them
 * run.
 *
 * <p>{@code stopped} is volatile: {@link #stop()} sets it and unparks the thread, and the loop
 * checks it after every park, so a stop is seen within one tick at worst.
 */
final class BackgroundDrainer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDrainer.class);

    private final Engine engine;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean stopped;

    BackgroundDrainer(Engine engine, long tickNanos) {
        this.engine = engine;
        this.tickNanos = tickNanos;
        this.thread = new Thread(this, "reclaimer-drainer");
        thread.setDaemon(true);
    }

    /** Starts the thread; called once. */
    void start() {
        thread.start();
    }

    /** Asks the thread to end after its current tick. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** Returns the drainer thread. */
    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, tickNanos);
            if (stopped) {
                return;
            }
            try {
                engine.backgroundTick();
            } catch (RuntimeException | Error e) {
                LOG.error("Background drainer tick failed; it will try again next tick", e);
            }
        }
    }
}
