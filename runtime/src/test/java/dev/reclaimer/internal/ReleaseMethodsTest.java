package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The per-site table of deferred calls. */
class ReleaseMethodsTest {

    /**
     * A program with many release sites: the table once doubled on every site resolved, so a few
     * dozen sites exhausted the heap (found by a start-up test with hundreds of generated classes).
     */
    @Test
    void invokerFor_thousandsOfSites_resolvesEveryOne() {
        ReleaseMethods methods = new ReleaseMethods();
        for (int i = 0; i < 2_000; i++) {
            int site = ReleaseSites.register(Resource.class.getName(), "release", "()V");

            ReleaseInvoker invoker = methods.invokerFor(site, Resource.class);

            assertNotNull(invoker, "site " + site);
        }
    }

    /** A class with a release method to resolve. */
    static final class Resource {
        void release() {}
    }
}
