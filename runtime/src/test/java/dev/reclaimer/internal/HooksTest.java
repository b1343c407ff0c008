package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import dev.reclaimer.Reclaimer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The agent-facing entry points, against the global engine, as rewritten code calls them. */
@SuppressWarnings("try") // sections are opened for their effect, not referenced
class HooksTest {

    @Test
    void retire_rewrittenReleaseMethod_bodyDeferredAndRunOnceLater() throws Exception {
        HookedResource resource = new HookedResource();
        resource.release();
        resource.release(3);

        Reclaimer.barrier();
        assertEquals(1, resource.plainReleases.get());
        assertEquals(3, resource.lastCode.get());
    }

    @Test
    void exitSafepoint_withPendingWork_drainsOnTheLoopThread() {
        HookedResource resource = new HookedResource();
        resource.release();

        awaitTrue(
                () -> {
                    Hooks.exitSafepoint(Hooks.enterSafepoint());
                    return resource.plainReleases.get() == 1;
                },
                "a safepoint or the drainer ran the release");
    }

    @Test
    void readSide_enterAndExit_makeTheThreadAReaderMeanwhile() throws Exception {
        Object token = Hooks.enterReadSide();
        assertThrows(IllegalStateException.class, Reclaimer::synchronize);
        Hooks.exitReadSide(token);

        Reclaimer.synchronize();
    }

    @Test
    void sectionSiteHooks_enterAndOpen_makeTheThreadAReaderUntilClosed() throws Exception {
        int site = SectionSites.register("com.example.Loop", "iterate", "()V");

        Object safepoint = Hooks.enterSafepoint(site);
        assertThrows(IllegalStateException.class, Reclaimer::synchronize);
        Hooks.exitSafepoint(safepoint);
        Object readSide = Hooks.enterReadSide(site);
        assertThrows(IllegalStateException.class, Reclaimer::synchronize);
        Hooks.exitReadSide(readSide);
        try (ReadSection section = Hooks.openSection(site)) {
            assertThrows(IllegalStateException.class, Reclaimer::synchronize);
        }

        Reclaimer.synchronize();
    }

    @Test
    void detectorHooks_detectorOffInTheGlobalEngine_neverThrow() throws Exception {
        HookedResource resource = new HookedResource();
        resource.release();
        Reclaimer.barrier();

        assertDoesNotThrow(() -> Hooks.checkLive(resource, "HookedResource", "read"));
        assertDoesNotThrow(() -> Hooks.revive(resource));
        assertDoesNotThrow(() -> Hooks.checkLive(null, null, null));
    }

    @Test
    void exit_unknownOrUnbalancedTokens_neverThrowIntoTheApplication() {
        assertDoesNotThrow(() -> Hooks.exitSafepoint(null));
        assertDoesNotThrow(() -> Hooks.exitReadSide("not a token"));
        try (LogCapture log = new LogCapture()) {
            Object token = Hooks.enterReadSide();
            Hooks.exitReadSide(token);
            assertDoesNotThrow(() -> Hooks.exitReadSide(token));
            assertTrue(log.text().contains("Reclaimer failed in a read-side exit"), log.text());
        }
    }

    @Test
    void retire_insideRunningReleaseOfSameObject_returnsFalse() throws Exception {
        HookedResource resource = new HookedResource();
        resource.reenter = true;
        resource.release();

        Reclaimer.barrier();
        assertEquals(1, resource.plainReleases.get());
        assertFalse(resource.nestedRetireDeferred);
    }

    /** A class rewritten by hand the way the agent rewrites a release method. */
    static final class HookedResource {
        static final int SITE =
                ReleaseSites.register(HookedResource.class.getName(), "release", "()V");
        static final int CODE_SITE =
                ReleaseSites.register(HookedResource.class.getName(), "release", "(I)V");

        final AtomicInteger plainReleases = new AtomicInteger();
        final AtomicInteger lastCode = new AtomicInteger();
        volatile boolean reenter;
        volatile boolean nestedRetireDeferred;

        void release() {
            if (Hooks.retire(this, SITE, HookedResource.class)) {
                return;
            }
            if (reenter) {
                nestedRetireDeferred = Hooks.retire(this, SITE, HookedResource.class);
            }
            plainReleases.incrementAndGet();
        }

        void release(int code) {
            if (Hooks.retireWithArguments(
                    this, new Object[] {code}, CODE_SITE, HookedResource.class)) {
                return;
            }
            lastCode.set(code);
        }
    }
}
