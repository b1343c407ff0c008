package dev.reclaimer.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the sample application's {@code RESULT key=value ...} line. */
final class ResultLine {

    private static final String PREFIX = "RESULT ";

    private ResultLine() {}

    /**
     * Returns the line's fields in order.
     *
     * @throws IllegalArgumentException if the line is not a result line or a field has no value
     */
    static Map<String, String> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("malformed field '" + field + "' in " + line);
            }
            fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
        return fields;
    }

    /** Returns a numeric field, failing with the line if it is missing. */
    static double number(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no field " + key + " in " + fields);
        }
        return Double.parseDouble(value);
    }
}
