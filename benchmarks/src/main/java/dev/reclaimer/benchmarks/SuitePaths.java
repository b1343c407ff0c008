package dev.reclaimer.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the suite finds the built jars and writes its results, all relative to the repository root,
 * which is two levels above the benchmarks jar ({@code benchmarks/target/reclaimer-benchmarks.jar})
 * so the suite works from any working directory.
 *
 * @param root the repository root
 * @param benchmarksJar this suite's own jar, the class path of every child JVM
 */
record SuitePaths(Path root, Path benchmarksJar) {

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
            return new SuitePaths(jar.getParent().getParent().getParent(), jar);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    Path agentJar() {
        return root.resolve("agent/target/reclaimer-agent.jar");
    }

    Path sampleJar() {
        return root.resolve("sample-app/target/reclaimer-sample-app.jar");
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
