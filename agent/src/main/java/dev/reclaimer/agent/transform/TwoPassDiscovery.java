package dev.reclaimer.agent.transform;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Which loaded classes an attach retransforms: every class loaded at the first look, then, once
 * those are done, the classes that appeared since.
 *
 * <p>Class-loading race: a class whose definition had already passed the JVM's transformers when
 * ours was registered is not rewritten on its way in, and if its definition completed only after
 * the first look at the loaded classes, a single pass misses it too, so its release methods would
 * keep running inline. The second look comes after the whole first pass, long after any such
 * definition has completed; classes defined after registration were rewritten on load and only cost
 * a redundant retransformation. Two passes rather than ByteBuddy's reiterating discovery, which
 * would not end while the application keeps loading classes.
 */
final class TwoPassDiscovery implements AgentBuilder.RedefinitionStrategy.DiscoveryStrategy {

    private static final int PASSES = 2;

    @Override
    public Iterable<Iterable<Class<?>>> resolve(Instrumentation instrumentation) {
        return () -> new Passes(instrumentation);
    }

    /** Takes each look lazily, when the previous pass has been retransformed. */
    private static final class Passes implements Iterator<Iterable<Class<?>>> {

        private final Instrumentation instrumentation;
        private final Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private int taken;

        Passes(Instrumentation instrumentation) {
            this.instrumentation = instrumentation;
        }

        @Override
        public boolean hasNext() {
            return taken < PASSES;
        }

        @Override
        public Iterable<Class<?>> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            taken++;
            List<Class<?>> fresh = new ArrayList<>();
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (seen.add(type)) {
                    fresh.add(type);
                }
            }
            return fresh;
        }
    }
}
