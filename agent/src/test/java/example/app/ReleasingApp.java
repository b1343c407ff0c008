package example.app;

import dev.reclaimer.DeferredRelease;
import dev.reclaimer.Reclaimer;
import java.util.concurrent.atomic.AtomicInteger;

/** The application the child-JVM tests start with the built agent jar. */
public final class ReleasingApp {
    static final AtomicInteger RUNS = new AtomicInteger();

    private ReleasingApp() {}

    static final class Handle {
        @DeferredRelease
        void release() {
            RUNS.incrementAndGet();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new Handle().release();
        System.out.println("after call: " + RUNS.get());
        Reclaimer.barrier();
        System.out.println("after barrier: " + RUNS.get());
        System.out.println("runtime loader: " + Reclaimer.class.getClassLoader());
        System.out.println("app finished");
    }
}
