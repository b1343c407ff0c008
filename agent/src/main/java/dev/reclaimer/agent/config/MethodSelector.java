package dev.reclaimer.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names methods for code the user cannot annotate: {@code com.example.Region#release}, {@code
 * com.example.*Pool#free(long)}, {@code com.example.Outer$Inner#close()}. The class part is a
 * {@link ClassPattern}; the method part is a name in which {@code *} matches any run of characters;
 * the optional parameter list holds Java type names ({@code long}, {@code java.lang.String}, {@code
 * byte[]}, binary names for nested classes), and without it every overload matches.
 */
public final class MethodSelector {

    private final String text;
    private final ClassPattern classPattern;
    private final Pattern methodName;
    private final boolean wildcardMethod;
    private final List<String> parameterTypes;

    private MethodSelector(
            String text, ClassPattern classPattern, String method, List<String> parameterTypes) {
        this.text = text;
        this.classPattern = classPattern;
        this.methodName = Pattern.compile(methodRegex(method));
        this.wildcardMethod = method.indexOf('*') >= 0;
        this.parameterTypes = parameterTypes;
    }

    /**
     * Parses a selector.
     *
     * @param text the selector
     * @return the selector
     * @throws IllegalArgumentException naming what is wrong
     */
    public static MethodSelector parse(String text) {
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException(
                    "selector '" + text + "' lacks '#': expected Class#method");
        }
        ClassPattern classPattern = ClassPattern.parse(text.substring(0, hash));
        String rest = text.substring(hash + 1);
        int open = rest.indexOf('(');
        String method = open < 0 ? rest : rest.substring(0, open);
        requireMethodName(method, text);
        List<String> parameters = open < 0 ? null : parseParameters(rest.substring(open), text);
        return new MethodSelector(text, classPattern, method, parameters);
    }

    /**
     * Returns whether this selector names a method.
     *
     * @param className the binary name of the declaring class
     * @param name the method's name ({@code <init>} for a constructor)
     * @param parameters the parameter types as Java writes them ({@code long}, {@code byte[]},
     *     {@code com.example.Outer$Inner})
     * @return {@code true} on a match
     */
    public boolean matches(String className, String name, List<String> parameters) {
        return classPattern.matches(className)
                && methodName.matcher(name).matches()
                && (parameterTypes == null || parameterTypes.equals(parameters));
    }

    /**
     * Returns whether this selector's class part matches a class, whatever its methods: a class it
     * does not match has no method this selector names.
     *
     * @param className the binary name of the class
     * @return {@code true} on a match
     */
    public boolean matchesClass(String className) {
        return classPattern.matches(className);
    }

    /**
     * Returns whether the method part contains a wildcard, so that a match is not a deliberate
     * choice of one method.
     *
     * @return {@code true} when the method name has a {@code *}
     */
    public boolean hasWildcardMethod() {
        return wildcardMethod;
    }

    @Override
    public String toString() {
        return text;
    }

    private static void requireMethodName(String method, String whole) {
        if (method.isEmpty()) {
            throw new IllegalArgumentException("selector '" + whole + "' has no method name");
        }
        if (method.equals("<init>")) {
            return;
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c != '*' && !Character.isJavaIdentifierPart(c)) {
                throw new IllegalArgumentException(
                        "character '" + c + "' not allowed in method name of '" + whole + "'");
            }
        }
    }

    private static List<String> parseParameters(String list, String whole) {
        if (!list.endsWith(")") || list.indexOf(')') != list.length() - 1) {
            throw new IllegalArgumentException(
                    "selector '" + whole + "' has a malformed parameter list");
        }
        String inner = list.substring(1, list.length() - 1).trim();
        List<String> types = new ArrayList<>();
        if (inner.isEmpty()) {
            return types;
        }
        for (String type : inner.split(",", -1)) {
            types.add(requireTypeName(type.trim(), whole));
        }
        return types;
    }

    private static String requireTypeName(String type, String whole) {
        String element = type;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
        }
        boolean valid = !element.isEmpty();
        for (String segment : element.split("\\.", -1)) {
            valid &= !segment.isEmpty() && Character.isJavaIdentifierStart(segment.charAt(0));
            for (int i = 1; valid && i < segment.length(); i++) {
                valid = Character.isJavaIdentifierPart(segment.charAt(i));
            }
        }
        if (!valid) {
            throw new IllegalArgumentException(
                    "'" + type + "' in selector '" + whole + "' is not a Java type name");
        }
        return type;
    }

    private static String methodRegex(String method) {
        List<String> literals = new ArrayList<>();
        for (String part : method.split("\\*", -1)) {
            literals.add(Pattern.quote(part));
        }
        return String.join(".*", literals);
    }
}
