package dev.reclaimer.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every figure of one suite run, by name, in the order measured. Names: {@code t1.Class.method} and
 * {@code t2.Class.method} for JMH scores (ns/op) at 1 and 2 threads, {@code alloc.t1.Class.method}
 * for bytes allocated per op, and dotted names for the whole-process figures.
 */
final class Figures {

    private final Map<String, Double> values = new LinkedHashMap<>();

    void put(String name, double value) {
        values.put(name, value);
    }

    /**
     * Returns the figure, or empty if it was not measured (a failed benchmark or a skipped part).
     */
    OptionalDouble get(String name) {
        Double value = values.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    Map<String, Double> all() {
        return Collections.unmodifiableMap(values);
    }
}
