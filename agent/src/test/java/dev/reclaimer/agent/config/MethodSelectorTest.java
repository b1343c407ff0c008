package dev.reclaimer.agent.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodSelectorTest {

    @Test
    void matches_wildcardClassAndParameterList() {
        MethodSelector selector = MethodSelector.parse("com.example.*Pool#free(long)");

        assertTrue(selector.matches("com.example.BufferPool", "free", List.of("long")));
        assertFalse(selector.matches("com.example.BufferPool", "free", List.of("int")));
        assertFalse(selector.matches("com.example.sub.BufferPool", "free", List.of("long")));
    }

    @Test
    void matches_withoutParameterList_everyOverload() {
        MethodSelector selector = MethodSelector.parse("com.example.Outer$Inner#close");

        assertTrue(selector.matches("com.example.Outer$Inner", "close", List.of()));
        assertTrue(selector.matches("com.example.Outer$Inner", "close", List.of("byte[]")));
        assertFalse(selector.matches("com.example.Outer", "close", List.of()));
    }

    @Test
    void matches_doubleStarCrossesPackages() {
        MethodSelector selector = MethodSelector.parse("com.**#rel*()");

        assertTrue(selector.matches("com.a.b.C", "release", List.of()));
        assertFalse(selector.matches("org.a.C", "release", List.of()));
    }

    @Test
    void parse_malformed_isRejectedWithReason() {
        assertThrows(
                IllegalArgumentException.class, () -> MethodSelector.parse("com.example.Region"));
        assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse("com..Region#a"));
        assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse("a.B#c(long"));
        assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse("a.B#c(1x)"));
        assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse("a.B#"));
        assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse("a.B#c-d"));
    }
}
