package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFileSummaryTest {

    @Test
    void read_annotatedClass_namesTheAnnotationAndSupertypes() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf("example/fixtures/Region"));

        assertEquals("example/fixtures/Region", summary.name());
        assertEquals(List.of("java/lang/Object"), summary.supertypes());
        assertTrue(summary.namesRoleAnnotation());
    }

    @Test
    void read_classWithoutAnnotations_listsSuperclassThenInterfaces() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf("example/fixtures/DefaultUser"));

        assertEquals(
                List.of("java/lang/Object", "example/fixtures/DefaultReleasable"),
                summary.supertypes());
        assertFalse(summary.namesRoleAnnotation());
    }

    @Test
    void read_interfaceWithAnnotatedMethod_namesTheAnnotation() throws IOException {
        ClassFileSummary summary =
                ClassFileSummary.read(bytesOf("example/fixtures/GenericReleasable"));

        assertTrue(summary.namesRoleAnnotation());
    }

    @Test
    void read_objectItself_hasNoSupertypes() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf("java/lang/Object"));

        assertEquals(List.of(), summary.supertypes());
    }

    @Test
    void read_truncatedOrForeignBytes_returnsNull() throws IOException {
        byte[] region = bytesOf("example/fixtures/Region");

        assertNull(ClassFileSummary.read(Arrays.copyOf(region, 40)));
        assertNull(ClassFileSummary.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    }

    static byte[] bytesOf(String internalName) throws IOException {
        try (InputStream in =
                ClassLoader.getSystemClassLoader().getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
