package dev.reclaimer.agent.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.Reclaimer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the built agent jar: its entries, its command line and real JVMs started with it. */
class AgentJarIT {

    private static final Pattern FOREIGN =
            Pattern.compile("(META-INF/versions/\\d+/)?(net/bytebuddy|org/objectweb|org/slf4j)/.*");

    private static final String JAR = System.getProperty("agentJar");
    private static final String TEST_CLASSES = System.getProperty("testClassesDir");

    @TempDir Path directory;

    @Test
    void jar_holdsNoUnrelocatedLibraries() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                names.add(entry.getName());
            }
        }

        List<String> foreign = names.stream().filter(n -> FOREIGN.matcher(n).matches()).toList();
        assertEquals(List.of(), foreign);
        assertTrue(names.contains("dev/reclaimer/Reclaimer.class"));
        assertTrue(
                names.contains(
                        "dev/reclaimer/agent/shaded/bytebuddy/agent/builder/AgentBuilder.class"));
        assertTrue(names.contains("dev/reclaimer/agent/shaded/slf4j/LoggerFactory.class"));
        assertTrue(
                names.contains(
                        "META-INF/services/"
                                + "dev.reclaimer.agent.shaded.slf4j.spi.SLF4JServiceProvider"));
    }

    @Test
    void javaJar_version_printsVersion() throws Exception {
        Result result = run(List.of("-jar", JAR, "--version"));

        assertEquals(0, result.status);
        assertEquals("reclaimer-agent " + System.getProperty("projectVersion"), result.out.trim());
    }

    @Test
    void javaagent_brokenConfig_oneMessageAndApplicationRunsOn() throws Exception {
        Path config = directory.resolve("broken.properties");
        Files.writeString(config, "reclaimer.enabled=true\nreclaimer.drain.budget=5ms\n");

        Result result = runApp("=config=" + config);
        List<String> messages = result.err.lines().filter(l -> l.contains("[reclaimer]")).toList();
        assertEquals(1, messages.size(), result.err);
        assertTrue(
                messages.get(0)
                        .contains(
                                "file "
                                        + config
                                        + " line 2, key reclaimer.drain.budget: unknown key"),
                result.err);
        assertTrue(result.out.contains("after call: 1"), "release must run inline:\n" + result.out);
        assertTrue(result.out.contains("app finished"), result.out);
        assertEquals(0, result.status);
    }

    @Test
    void javaagent_workingConfig_defersAndSharesBootstrapRuntime() throws Exception {
        Result result = runApp("=include=example.app.**");

        assertTrue(result.out.contains("after call: 0"), result.out + result.err);
        assertTrue(result.out.contains("after barrier: 1"), result.out + result.err);
        assertTrue(
                result.out.contains("runtime loader: null"),
                "runtime not from bootstrap:\n" + result.out);
        assertTrue(result.err.contains("[reclaimer] INFO reclaimer-agent "), result.err);
        assertEquals(0, result.status);
    }

    @Test
    void javaagent_nothingToRewrite_neverLoadsTheBytecodeLibrary() throws Exception {
        Path classLog = directory.resolve("classes.txt");

        Result result =
                runApp(
                        List.of("-Xlog:class+load=info:file=" + classLog),
                        "=include=example.elsewhere.**");

        assertTrue(result.out.contains("after call: 1"), result.out + result.err);
        String loaded = Files.readString(classLog, StandardCharsets.UTF_8);
        assertTrue(loaded.contains("example.app.ReleasingApp"), "class log incomplete");
        assertEquals(
                List.of(),
                loaded.lines().filter(l -> l.contains("agent.shaded.bytebuddy.")).toList());
        assertEquals(0, result.status);
    }

    private Result runApp(String agentSuffix) throws Exception {
        return runApp(List.of(), agentSuffix);
    }

    private Result runApp(List<String> jvmOptions, String agentSuffix) throws Exception {
        String runtime =
                new File(
                                Reclaimer.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                        .getPath();
        String classPath = TEST_CLASSES + File.pathSeparator + runtime;
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(
                List.of(
                        "-javaagent:" + JAR + agentSuffix,
                        "-cp",
                        classPath,
                        "example.app.ReleasingApp"));
        return run(arguments);
    }

    private Result run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not end: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {}
}
