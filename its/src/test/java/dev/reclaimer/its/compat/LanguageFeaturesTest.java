package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each language feature compiled for real (javac, the Kotlin compiler, ASM) and run in its own
 * child JVM with the agent: the release body must not run at the call, must run exactly once by
 * {@code Reclaimer.barrier()}, and nothing may report a verifier or linkage error.
 */
class LanguageFeaturesTest {

    /** Release methods of the classes that carry no annotation: ASM-generated and Kotlin. */
    static final String SELECTORS =
            "release-methods=compat.gen.*#release();compat.kotlin.KotlinResource#close()";

    private static List<Path> classPath;

    @BeforeAll
    static void buildFixtures() throws Exception {
        classPath =
                FeatureClasses.build(Files.createDirectories(Path.of("target", "compat-features")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "record",
                "sealed",
                "enum",
                "nested",
                "inner",
                "default",
                "bridge",
                "covariant",
                "synchronized",
                "varargs",
                "controlflow",
                "kotlin",
                "compat.gen.OldResource",
                "compat.gen.OddResource"
            })
    void release_ofEachFeature_isDeferredAndRunsOnceByTheBarrier(String scenario) throws Exception {
        CompatChild.Result run =
                CompatChild.run(SELECTORS, classPath, "compat.features.FeatureMain", scenario);

        assertEquals(0, run.exitCode(), run::context);
        assertTrue(
                run.output()
                        .contains(
                                "SCENARIO "
                                        + scenario
                                        + " at_call=0 after_barrier=1 after_second=1"),
                run::context);
        assertNoLoadingTrouble(run);
        assertFalse(run.output().contains("[reclaimer] WARN"), run::context);
    }

    @Test
    void selector_namingLambdas_getsAClearWarningAndTheLambdaRunsInline() throws Exception {
        CompatChild.Result run =
                CompatChild.run(
                        "release-methods=compat.features.*$$Lambda*#run;"
                                + "compat.features.**#lambda$*",
                        classPath,
                        "compat.features.FeatureMain",
                        "lambda");

        assertEquals(0, run.exitCode(), run::context);
        assertTrue(
                run.output().contains("SCENARIO lambda at_call=1 after_barrier=1 after_second=1"),
                run::context);
        assertTrue(
                run.output()
                        .lines()
                        .anyMatch(
                                line ->
                                        line.startsWith("[reclaimer] WARN selector")
                                                && line.contains("$$Lambda")
                                                && line.contains("hidden classes")),
                () -> "no warning for the lambda-class selector" + run.context());
        assertTrue(
                run.output()
                        .lines()
                        .anyMatch(
                                line ->
                                        line.startsWith("[reclaimer] WARN")
                                                && line.contains("#lambda$")
                                                && line.contains("compiler-generated")),
                () -> "no warning for the lambda-body selector" + run.context());
    }

    static void assertNoLoadingTrouble(CompatChild.Result run) {
        for (String trouble :
                List.of(
                        "VerifyError",
                        "LinkageError",
                        "ClassFormatError",
                        "ClassCircularityError")) {
            assertFalse(run.output().contains(trouble), () -> trouble + run.context());
        }
    }
}
