package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionSitesTest {

    @Test
    void register_twoSites_distinctIdsFromOneThatLookUpTheirMethods() {
        int loop = SectionSites.register("com.example.Loop", "iterate", "()V");
        int reader = SectionSites.register("com.example.Reader$Inner", "lookup", "(J)V");

        assertTrue(loop >= 1 && reader > loop);
        assertEquals("com.example.Loop#iterate", SectionSites.get(loop).displayName());
        assertEquals("com.example.Reader$Inner#lookup", SectionSites.get(reader).displayName());
        assertEquals("(J)V", SectionSites.get(reader).descriptor());
    }

    @Test
    void get_unknownOrZeroId_throws() {
        assertThrows(IllegalArgumentException.class, () -> SectionSites.get(0));
        assertThrows(IllegalArgumentException.class, () -> SectionSites.get(1_000_000));
    }
}
