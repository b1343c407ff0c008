package dev.reclaimer.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of a configuration file in the syntax of {@link java.util.Properties} (comments
 * with {@code #} or {@code !}, {@code key=value} or {@code key: value}, continuation lines ending
 * in a backslash, backslash escapes) but keeps the line each key starts on, so that errors can name
 * it. Stricter than {@code Properties} where laxness hides mistakes: a key needs a separator, and a
 * key may appear only once.
 */
final class PropertiesFileParser {

    /**
     * One key and its value.
     *
     * @param key the key, unescaped
     * @param value the value, unescaped, continuation lines joined
     * @param line the 1-based line the key starts on
     */
    record Entry(String key, String value, int line) {}

    private final String file;

    /**
     * Creates a parser for one file.
     *
     * @param file the file's name as the user gave it, for messages
     */
    PropertiesFileParser(String file) {
        this.file = file;
    }

    /**
     * Parses the whole text. A line with a problem is reported and left out; the rest is parsed.
     *
     * @param text the file's content
     * @param problems where a line without separator, a bad escape or a repeated key goes
     * @return the entries in file order
     * @throws ConfigException on the first problem, when {@code problems} fails fast
     */
    List<Entry> parse(String text, Problems problems) throws ConfigException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int index = 0;
        while (index < lines.length) {
            int start = index;
            StringBuilder logical = new StringBuilder(lines[index].stripLeading());
            while (endsWithContinuation(logical) && index + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                index++;
                logical.append(lines[index].stripLeading());
            }
            index++;
            Entry entry = parseOrReport(logical.toString(), start + 1, problems);
            if (entry == null) {
                continue;
            }
            Integer previous = firstLine.putIfAbsent(entry.key(), entry.line());
            if (previous != null) {
                problems.report(
                        new ConfigException(
                                ConfigOrigin.inFile(file, entry.line()),
                                entry.key(),
                                "repeated key, first given at line " + previous));
                continue;
            }
            entries.add(entry);
        }
        return entries;
    }

    private Entry parseOrReport(String line, int lineNumber, Problems problems)
            throws ConfigException {
        try {
            return parseLogicalLine(line, lineNumber);
        } catch (ConfigException e) {
            problems.report(e);
            return null;
        }
    }

    private Entry parseLogicalLine(String line, int lineNumber) throws ConfigException {
        if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
            return null;
        }
        int keyEnd = keyEnd(line);
        String rawKey = line.substring(0, keyEnd);
        int valueStart = skipWhitespace(line, keyEnd);
        boolean hasSeparator =
                valueStart < line.length()
                        && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':');
        ConfigOrigin origin = ConfigOrigin.inFile(file, lineNumber);
        if (!hasSeparator) {
            throw new ConfigException(origin, rawKey, "expected 'key=value' or 'key: value'");
        }
        valueStart = skipWhitespace(line, valueStart + 1);
        String key = unescape(rawKey, origin, rawKey);
        if (key.isEmpty()) {
            throw new ConfigException(origin, "(empty)", "a line starts with a separator");
        }
        return new Entry(key, unescape(line.substring(valueStart), origin, key), lineNumber);
    }

    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return Math.min(i, line.length());
    }

    private static int skipWhitespace(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unescape(String text, ConfigOrigin origin, String key)
            throws ConfigException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(unicodeEscape(text, i + 1, origin, key));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    private static char unicodeEscape(String text, int from, ConfigOrigin origin, String key)
            throws ConfigException {
        if (from + 4 > text.length()) {
            throw new ConfigException(origin, key, "malformed \\uXXXX escape");
        }
        try {
            return (char) Integer.parseInt(text.substring(from, from + 4), 16);
        } catch (NumberFormatException e) {
            throw new ConfigException(origin, key, "malformed \\uXXXX escape");
        }
    }
}
