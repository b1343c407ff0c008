package dev.reclaimer.its.ops;

import dev.reclaimer.DeferredRelease;
import dev.reclaimer.ReadSection;
import dev.reclaimer.ReadSide;
import dev.reclaimer.Reclaimer;
import java.util.concurrent.CountDownLatch;

/**
 * A child application whose reader thread {@code stuck-reader} stays in one read section for two
 * and a half seconds while a release waits for it: in a {@code @ReadSide} method, or with the
 * argument {@code read-call}, in a {@code Reclaimer.read()} block of the same class.
 */
public final class StallingApp {

    private static final long HOLD_MILLIS = 2500;

    private StallingApp() {}

    /**
     * Runs the stall and prints {@code RESULT released=true} once the release ran.
     *
     * @param arguments {@code read-call} for a {@code read()} section
     * @throws Exception if interrupted
     */
    public static void main(String[] arguments) throws Exception {
        boolean readCall = arguments.length > 0 && arguments[0].equals("read-call");
        CountDownLatch inside = new CountDownLatch(1);
        Thread reader =
                new Thread(
                        () -> {
                            if (readCall) {
                                holdWithReadCall(inside);
                            } else {
                                holdInReadSide(inside);
                            }
                        },
                        "stuck-reader");
        reader.start();
        inside.await();
        Resource resource = new Resource();
        resource.release();
        reader.join();
        Reclaimer.barrier();
        System.out.println("RESULT released=" + resource.released);
    }

    @ReadSide
    static void holdInReadSide(CountDownLatch inside) {
        inside.countDown();
        pause();
    }

    @SuppressWarnings("try") // the section is used for its scope
    static void holdWithReadCall(CountDownLatch inside) {
        try (ReadSection section = Reclaimer.read()) {
            inside.countDown();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(HOLD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A resource whose release waits for the stuck reader. */
    static final class Resource {
        volatile boolean released;

        @DeferredRelease
        public void release() {
            released = true;
        }
    }
}
