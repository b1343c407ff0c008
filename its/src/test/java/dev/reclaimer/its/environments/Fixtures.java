package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The fixture applications under {@code src/fixtures/environments}, compiled for real with the
 * JDK's compiler into {@code target/environments}, and the jars their child JVMs use. Paths come
 * from system properties the build sets; a missing one fails the test, never skips it.
 */
final class Fixtures {

    private static final Path SOURCES = Path.of("src", "fixtures", "environments");
    private static final Path OUTPUT = Path.of("target", "environments", "classes");

    private Fixtures() {}

    /** The built agent jar. */
    static Path agentJar() {
        return requiredFile("reclaimer.its.agentJar");
    }

    /** The built runtime jar, as an application would carry it. */
    static Path runtimeJar() {
        return requiredFile("reclaimer.its.runtimeJar");
    }

    /** A third-party jar the build copied, by artifact id (without version). */
    static Path lib(String artifactId) {
        Path dir = Path.of(requiredProperty("reclaimer.its.environmentsLib"));
        Path jar = dir.resolve(artifactId + ".jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no copied jar " + jar);
        return jar;
    }

    /**
     * Compiles the fixture directories into one output directory named {@code name} and returns it.
     * {@code modulePath} non-empty compiles a named module (one directory holds its module-info).
     */
    static Path compile(String name, List<Path> classPath, List<Path> modulePath, String... dirs)
            throws IOException {
        Path output = OUTPUT.resolve(name).toAbsolutePath();
        List<String> arguments =
                new ArrayList<>(List.of("--release", "17", "-d", output.toString()));
        if (!classPath.isEmpty()) {
            arguments.addAll(List.of("--class-path", joined(classPath)));
        }
        if (!modulePath.isEmpty()) {
            arguments.addAll(List.of("--module-path", joined(modulePath)));
        }
        for (String dir : dirs) {
            arguments.addAll(sourcesUnder(SOURCES.resolve(dir)));
        }
        copyResources(dirs, output);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the tests run on a JDK with a compiler");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int status = compiler.run(null, stream, stream, arguments.toArray(new String[0]));
        assertEquals(0, status, () -> "compiling " + name + ":\n" + messages);
        return output;
    }

    /** Paths joined with the platform's path separator. */
    static String joined(List<Path> paths) {
        return paths.stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** A fixture file (not compiled), such as a configuration file. */
    static Path source(String relative) {
        Path path = SOURCES.resolve(relative).toAbsolutePath();
        assertTrue(Files.isRegularFile(path), "no fixture file " + path);
        return path;
    }

    private static List<String> sourcesUnder(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), "no fixture directory " + dir.toAbsolutePath());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Non-Java files of the fixture (a logging configuration) go beside the classes. */
    private static void copyResources(String[] dirs, Path output) throws IOException {
        for (String dir : dirs) {
            Path root = SOURCES.resolve(dir);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    String fileName = file.getFileName().toString();
                    if (!fileName.endsWith(".java") && !fileName.endsWith(".properties")) {
                        Path target = output.resolve(root.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static Path requiredFile(String property) {
        Path path = Path.of(requiredProperty(property)).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(path), property + " names no file: " + path);
        return path;
    }

    private static String requiredProperty(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isBlank(), "system property " + property + " is unset");
        return value;
    }
}
