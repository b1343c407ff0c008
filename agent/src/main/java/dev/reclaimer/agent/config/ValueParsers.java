package dev.reclaimer.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the value kinds of the configuration; every failure names what was expected. */
final class ValueParsers {

    private ValueParsers() {}

    /**
     * Parses a duration with a unit: {@code 500us}, {@code 250ms}, {@code 10s}, {@code 2m}, {@code
     * 1h} ({@code ns} too).
     *
     * @param text the value
     * @return the duration
     * @throws IllegalArgumentException if the number or the unit is missing or wrong
     */
    static Duration duration(String text) {
        String trimmed = text.trim();
        int unitStart = 0;
        while (unitStart < trimmed.length() && Character.isDigit(trimmed.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException(
                    "expected a duration such as 250ms, 10s or 2m, was '" + text + "'");
        }
        long amount = wholeNumber(trimmed.substring(0, unitStart));
        return switch (trimmed.substring(unitStart)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default ->
                    throw new IllegalArgumentException(
                            "expected a unit ns, us, ms, s, m or h after the number, was '"
                                    + text
                                    + "'");
        };
    }

    /**
     * Parses a positive whole number; {@code _} may group digits.
     *
     * @param text the value
     * @return the number
     * @throws IllegalArgumentException if it is not a whole number
     */
    static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, was '" + text + "'", e);
        }
    }

    /**
     * Parses {@code true} or {@code false}, case-insensitively.
     *
     * @param text the value
     * @return the boolean
     * @throws IllegalArgumentException for anything else
     */
    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "expected true or false, was '" + text + "'");
        };
    }

    /**
     * Splits a comma-separated list, ignoring commas inside parentheses (parameter lists of
     * selectors) and dropping empty items.
     *
     * @param text the list
     * @param separator the item separator
     * @return the trimmed items
     */
    static List<String> items(String text, char separator) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == separator && depth <= 0) {
                addIfPresent(items, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfPresent(items, current);
        return items;
    }

    private static void addIfPresent(List<String> items, CharSequence item) {
        String trimmed = item.toString().trim();
        if (!trimmed.isEmpty()) {
            items.add(trimmed);
        }
    }
}
