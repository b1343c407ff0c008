package dev.reclaimer.internal;

import java.util.List;

/** A subclass whose release body calls {@code super.release()}, as the nesting rule covers. */
final class ChildResource extends TrackedResource {

    static final int CHILD_SITE =
            ReleaseSites.register(ChildResource.class.getName(), "release", "()V");

    ChildResource(Engine engine, String name, List<String> events) {
        super(engine, name, events);
    }

    @Override
    void release() {
        if (engine.retire(this, null, CHILD_SITE, ChildResource.class)) {
            return;
        }
        events.add("child body " + name);
        super.release();
    }
}
