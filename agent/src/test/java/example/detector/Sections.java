package example.detector;

import dev.reclaimer.ReadSection;
import dev.reclaimer.Reclaimer;
import dev.reclaimer.Safepoint;

/** A main-loop iteration method and an explicit read section in a class rewritten anyway. */
public class Sections implements Runnable {
    private final Runnable body;

    public Sections(Runnable body) {
        this.body = body;
    }

    @Safepoint
    public void iteration() {
        body.run();
    }

    @Override
    @SuppressWarnings("try")
    public void run() {
        try (ReadSection section = Reclaimer.read()) {
            body.run();
        }
    }
}
