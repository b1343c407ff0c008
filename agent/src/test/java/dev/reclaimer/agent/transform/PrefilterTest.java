package dev.reclaimer.agent.transform;

import static dev.reclaimer.agent.transform.ClassFileSummaryTest.bytesOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.agent.config.ConfigLoader;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    private static final String FIXTURES = "include=example.fixtures.**";

    private static final ClassLoader SYSTEM = ClassLoader.getSystemClassLoader();

    @Test
    void admits_ownAnnotation_isAdmitted() throws Exception {
        assertTrue(admits(prefilter(FIXTURES), SYSTEM, "example/fixtures/Region"));
    }

    @Test
    void admits_noRoleAnywhere_isRejected() throws Exception {
        Prefilter prefilter = prefilter(FIXTURES);

        assertFalse(admits(prefilter, SYSTEM, "example/fixtures/PlainPool"));
        assertFalse(admits(prefilter, SYSTEM, "example/fixtures/ConcreteBase"));
    }

    @Test
    void admits_annotationOnlyInSuperclass_isAdmitted() throws Exception {
        assertTrue(admits(prefilter(FIXTURES), SYSTEM, "example/fixtures/UnannotatedSub"));
    }

    @Test
    void admits_annotationOnlyInInterface_isAdmitted() throws Exception {
        Prefilter prefilter = prefilter(FIXTURES);

        assertTrue(admits(prefilter, SYSTEM, "example/fixtures/GenericImpl"));
        assertTrue(admits(prefilter, SYSTEM, "example/fixtures/DefaultUser"));
    }

    @Test
    void admits_selectorNamingTheClass_isAdmitted() throws Exception {
        Prefilter prefilter =
                prefilter(FIXTURES + ",release-methods=example.fixtures.PlainPool#free(long)");

        assertTrue(admits(prefilter, SYSTEM, "example/fixtures/PlainPool"));
    }

    @Test
    void admits_selectorNamingOnlyTheSuperclass_isAdmitted() throws Exception {
        Prefilter prefilter =
                prefilter(FIXTURES + ",release-methods=example.fixtures.AbstractBase#close");

        assertTrue(admits(prefilter, SYSTEM, "example/fixtures/ConcreteBase"));
    }

    @Test
    void admits_selectorNamingAJdkInterface_admitsClassesInheritingIt() throws Exception {
        Prefilter prefilter =
                prefilter("include=example.**,release-methods=java.util.Collection#none");

        assertTrue(admits(prefilter, SYSTEM, "example/prefilter/NameList"), "via ArrayList");
        assertFalse(admits(prefilter, SYSTEM, "example/fixtures/PlainPool"));
    }

    @Test
    void admits_excludedByName_isRejectedDespiteAnnotation() throws Exception {
        Prefilter prefilter = prefilter(FIXTURES + ",exclude=example.fixtures.Region");

        assertFalse(admits(prefilter, SYSTEM, "example/fixtures/Region"));
        assertTrue(admits(prefilter, SYSTEM, "example/fixtures/UnannotatedSub"));
    }

    @Test
    void admits_superclassInvisibleToTheLoader_passesOnNothing() throws Exception {
        ClassLoader blind =
                new ClassLoader(null) {
                    @Override
                    public InputStream getResourceAsStream(String name) {
                        return null;
                    }
                };

        assertFalse(admits(prefilter(FIXTURES), blind, "example/fixtures/UnannotatedSub"));
    }

    @Test
    void admits_unreadableBytes_isAdmittedForTheFullPlanner() throws Exception {
        assertTrue(
                prefilter(FIXTURES).admits(SYSTEM, "example/fixtures/Odd", new byte[] {1, 2, 3}));
    }

    private static boolean admits(Prefilter prefilter, ClassLoader loader, String name)
            throws Exception {
        return prefilter.admits(loader, name, bytesOf(name));
    }

    private static Prefilter prefilter(String arguments) throws Exception {
        return new Prefilter(ConfigLoader.load(arguments, Map.of(), Map.of()));
    }
}
