package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.UseAfterReleaseException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The use-after-release detector, driven through an engine as the agent's hooks drive it. */
class ReleaseMarksTest {

    private static final String CLASS = TrackedResource.class.getName();

    private final List<Engine> engines = new ArrayList<>();

    private Engine engine(boolean detect, boolean stacks) {
        Engine engine =
                Engine.create(
                        TestEngines.safepointsOnly(),
                        new Diagnostics(detect, stacks, Duration.ZERO, false));
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void shutDownEngines() {
        engines.forEach(Engine::shutdown);
    }

    @Test
    void checkLive_afterReleaseRan_throwsNamingClassMethodSiteAndThread() throws Exception {
        Engine engine = engine(true, false);
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();
        assertDoesNotThrow(() -> engine.checkLive(resource, CLASS, "read"), "not yet released");

        engine.barrier();
        assertTrue(resource.released);
        UseAfterReleaseException thrown =
                assertThrows(
                        UseAfterReleaseException.class,
                        () -> engine.checkLive(resource, CLASS, "read"));
        String message = thrown.getMessage();
        assertTrue(message.contains(CLASS + "#read"), message);
        assertTrue(message.contains("the release " + CLASS + "#release"), message);
        assertTrue(message.contains("thread " + Thread.currentThread().getName()), message);
        assertNull(thrown.getCause(), "no stack unless retire stacks are recorded");
    }

    @Test
    void checkLive_withRetireStacks_causeIsTheRetireStack() throws Exception {
        Engine engine = engine(true, true);
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();
        engine.barrier();

        UseAfterReleaseException thrown =
                assertThrows(
                        UseAfterReleaseException.class,
                        () -> engine.checkLive(resource, CLASS, "read"));
        assertInstanceOf(RetireOrigin.RetireStack.class, thrown.getCause());
        assertTrue(
                stackMentions(
                        thrown.getCause(), "checkLive_withRetireStacks_causeIsTheRetireStack"),
                "the cause's stack is the retiring test method's");
    }

    @Test
    void checkLive_releaseBodyThrew_objectIsMarkedAsWell() throws Exception {
        Engine engine = engine(true, false);
        TrackedResource resource = new TrackedResource(engine, "failing");
        resource.duringRelease =
                () -> {
                    throw new IllegalStateException("deliberate release failure");
                };
        resource.release();
        engine.barrier();

        assertEquals(1, engine.stats().failed());
        assertThrows(
                UseAfterReleaseException.class, () -> engine.checkLive(resource, CLASS, "read"));
    }

    @Test
    void revive_afterRelease_objectIsLiveAgainUntilItsNextRelease() throws Exception {
        Engine engine = engine(true, false);
        TrackedResource resource = new TrackedResource(engine, "pooled");
        resource.release();
        engine.barrier();

        engine.revive(resource);
        assertDoesNotThrow(() -> engine.checkLive(resource, CLASS, "read"));
        resource.release();
        engine.barrier();
        assertThrows(
                UseAfterReleaseException.class, () -> engine.checkLive(resource, CLASS, "read"));
    }

    @Test
    void checkLive_equalButDistinctObject_isNotMarked() throws Exception {
        Engine engine = engine(true, false);
        AlwaysEqual released = new AlwaysEqual(engine);
        AlwaysEqual twin = new AlwaysEqual(engine);
        assertEquals(released, twin);
        released.release();
        engine.barrier();

        assertThrows(
                UseAfterReleaseException.class, () -> engine.checkLive(released, CLASS, "read"));
        assertDoesNotThrow(() -> engine.checkLive(twin, CLASS, "read"));
    }

    @Test
    void mark_releasedObjectUnreachable_isCollectedAndItsMarkDropped() throws Exception {
        Engine engine = engine(true, false);
        TrackedResource resource = new TrackedResource(engine, "garbage");
        WeakReference<Object> reference = new WeakReference<>(resource);
        resource.release();
        engine.barrier();
        assertTrue(engine.marksForTests().isMarked(resource));
        resource = null;

        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(reference.get(), "the mark did not keep the released object alive");
        TestEngines.awaitTrue(
                () -> engine.marksForTests().size() == 0, "the cleared mark was expunged");
    }

    @Test
    void detectorOff_releaseRuns_noMarksAndChecksPass() throws Exception {
        Engine engine = engine(false, false);
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();
        engine.barrier();

        assertTrue(resource.released);
        assertNull(engine.marksForTests(), "no detector state exists when it is off");
        assertDoesNotThrow(() -> engine.checkLive(resource, CLASS, "read"));
    }

    @Test
    void checkLive_neverReleasedObject_passes() {
        Engine engine = engine(true, false);
        TrackedResource resource = new TrackedResource(engine, "fresh");

        assertDoesNotThrow(() -> engine.checkLive(resource, CLASS, "read"));
        assertFalse(engine.marksForTests().isMarked(resource));
    }

    private static boolean stackMentions(Throwable throwable, String methodName) {
        for (StackTraceElement frame : throwable.getStackTrace()) {
            if (frame.getMethodName().equals(methodName)) {
                return true;
            }
        }
        return false;
    }

    /** A resource whose instances are all equal, to show marks go by identity. */
    private static final class AlwaysEqual extends TrackedResource {
        AlwaysEqual(Engine engine) {
            super(engine, "equal");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AlwaysEqual;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
