package dev.reclaimer.agent.config;

import java.util.regex.Pattern;

/**
 * A pattern over binary class names ({@code com.example.Outer$Inner}): {@code *} matches any run of
 * characters within one package segment, {@code **} any run across segments. So {@code
 * com.example.*} matches the classes of that package and {@code com.example.**} those of its
 * subpackages too.
 */
public final class ClassPattern {

    private final String text;
    private final Pattern regex;

    /** For {@code **}, the default include pattern, which every class passes on its way in. */
    private final boolean matchesEverything;

    private ClassPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
        this.matchesEverything = text.equals("**");
    }

    /**
     * Parses a pattern.
     *
     * @param text the pattern
     * @return the pattern
     * @throws IllegalArgumentException if {@code text} is not a class name with wildcards
     */
    public static ClassPattern parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty class pattern");
        }
        for (String segment : text.split("\\.", -1)) {
            requireSegment(segment, text);
        }
        return new ClassPattern(text, Pattern.compile(toRegex(text)));
    }

    /**
     * Returns whether the pattern matches a class.
     *
     * @param binaryName the class's binary name
     * @return {@code true} on a match
     */
    public boolean matches(String binaryName) {
        return matchesEverything || regex.matcher(binaryName).matches();
    }

    /**
     * Returns whether the pattern starts with a literal package or class name rather than a
     * wildcard, so that it names some code explicitly.
     *
     * @return {@code true} when the first character is not {@code *}
     */
    public boolean isExplicit() {
        return text.charAt(0) != '*';
    }

    @Override
    public String toString() {
        return text;
    }

    private static void requireSegment(String segment, String whole) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("empty package segment in '" + whole + "'");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '*' && !Character.isJavaIdentifierPart(c)) {
                throw new IllegalArgumentException(
                        "character '" + c + "' not allowed in class pattern '" + whole + "'");
            }
        }
    }

    private static String toRegex(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
