package dev.reclaimer.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the suite finds the built jars and writes its results, all relative to the repository root,
 * which is two levels above the benchmarks jar ({@code benchmarks/target/reclaimer-benchmarks.jar})
 * so the suite works from any working directory.
 *
 * @param root the repository root
 * @param benchmarksJar this suite's own jar, the class path of every child JVM
 * @param agentJar the agent jar every fork and child starts with
 * @param sampleJar the sample application's jar
 */
record SuitePaths(Path root, Path benchmarksJar, Path agentJar, Path sampleJar) {

    /** Locates the repository from this class's own jar. */
    static SuitePaths locate() {
        try {
            Path jar =
                    Path.of(
                                    SuitePaths.class
                                            .getProtectionDomain()
                                            .getCodeSource()
                                            .getLocation()
                                            .toURI())
                            .toAbsolutePath();
            Path root = jar.getParent().getParent().getParent();
            return new SuitePaths(
                    root,
                    jar,
                    root.resolve("agent/target/reclaimer-agent.jar"),
                    root.resolve("sample-app/target/reclaimer-sample-app.jar"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    /**
     * Copies the agent and sample jars aside and returns paths that use the copies, so a rebuild of
     * either module while the suite runs cannot hand a fork a half-written jar.
     */
    SuitePaths withSnapshotJars() throws IOException {
        Path dir = root.resolve("benchmarks/target/suite-jars");
        Files.createDirectories(dir);
        Path agent = dir.resolve(agentJar.getFileName());
        Path sample = dir.resolve(sampleJar.getFileName());
        Files.copy(agentJar, agent, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(sampleJar, sample, StandardCopyOption.REPLACE_EXISTING);
        return new SuitePaths(root, benchmarksJar, agent, sample);
    }

    Path startupJars() {
        return root.resolve("benchmarks/target/startup-jars");
    }

    Path resultsDir() {
        return root.resolve("benchmarks/results");
    }

    /** The java launcher of the JVM running the suite, so children run on the same JDK. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Throws, naming the build command, if a jar the suite needs was not built. */
    void requireBuilt() {
        for (Path jar : new Path[] {agentJar(), sampleJar(), startupJars()}) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        jar
                                + " is missing; build first from "
                                + root
                                + File.separator
                                + ": mvn -B -q -DskipTests package");
            }
        }
    }
}
