package dev.reclaimer.internal;

import dev.reclaimer.ReadSection;
import dev.reclaimer.ReclaimerStats;
import dev.reclaimer.UseAfterReleaseException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;

/**
 * Sends every call into a second copy of the runtime on to the copy the agent put on the bootstrap
 * class path, so one JVM has one engine however its class loaders are arranged.
 *
 * <h2>Why there can be two copies</h2>
 *
 * The agent appends its jar, which holds the runtime, to the bootstrap class loader's search path.
 * A loader that asks its parent first therefore resolves {@code dev.reclaimer.*} there, even when
 * the application carries the runtime jar itself. Two arrangements do not ask the parent first and
 * define a copy of their own, with its own static state: a class loader that looks in its own jars
 * first (web-application and plug-in loaders), and a named module layer in which the runtime jar is
 * a module on the module path (the loader maps the runtime's packages to that module). Calls that
 * the agent injected into classes of such a loader, and the application's own {@code Reclaimer}
 * calls, link to that copy. On its own, the copy would start a second engine: its grace periods
 * would not see the readers of the first engine, so a release retired on one side could run under a
 * reader of the other, and the release sites the agent registered in the bootstrap copy would be
 * unknown to it.
 *
 * <h2>Mechanism</h2>
 *
 * When this class initialises in a copy that the bootstrap loader did not define, it looks up the
 * bootstrap copy's {@link Hooks} without initialising it. When the agent has put one there, {@link
 * #FORWARDING} is true and each entry point of {@link Hooks} and {@link dev.reclaimer.Reclaimer} in
 * this copy calls the bootstrap copy's method of the same name through a method handle. Their
 * parameters are JDK types shared by both copies; the results that are not ({@code read()}, {@code
 * openSection(int)} and {@code stats()}) are adapted: the bootstrap section is wrapped in a {@link
 * ReadSection} of this copy, the bootstrap counters copied into a {@link ReclaimerStats} of this
 * copy. The detector's {@link UseAfterReleaseException} is rethrown as this copy's. In the
 * bootstrap copy, and without the agent, the flag is a false constant and the checks cost nothing.
 *
 * <p>The decision is made once. A copy whose classes initialised before the agent was attached to a
 * running JVM keeps its own engine; the agent refuses to attach to such a JVM rather than run two
 * engines.
 */
public final class BootstrapCopy {

    /** Whether this copy forwards to a bootstrap copy of the runtime. */
    public static final boolean FORWARDING;

    private static final MethodHandle RETIRE;
    private static final MethodHandle RETIRE_WITH_ARGUMENTS;
    private static final MethodHandle ENTER_SAFEPOINT;
    private static final MethodHandle EXIT_SAFEPOINT;
    private static final MethodHandle ENTER_READ_SIDE;
    private static final MethodHandle EXIT_READ_SIDE;
    private static final MethodHandle ENTER_SAFEPOINT_AT;
    private static final MethodHandle ENTER_READ_SIDE_AT;
    private static final MethodHandle OPEN_SECTION;
    private static final MethodHandle CHECK_LIVE;
    private static final MethodHandle REVIVE;
    private static final MethodHandle READ;
    private static final MethodHandle DEFER;
    private static final MethodHandle BARRIER;
    private static final MethodHandle SYNCHRONIZE;
    private static final MethodHandle STATS;

    static {
        Class<?> hooks = bootstrapClass(Hooks.class.getName());
        Class<?> reclaimer = bootstrapClass("dev.reclaimer.Reclaimer");
        FORWARDING = hooks != null && reclaimer != null && hooks != Hooks.class;
        RETIRE = find(hooks, "retire", boolean.class, Object.class, int.class, Class.class);
        RETIRE_WITH_ARGUMENTS =
                find(
                        hooks,
                        "retireWithArguments",
                        boolean.class,
                        Object.class,
                        Object[].class,
                        int.class,
                        Class.class);
        ENTER_SAFEPOINT = find(hooks, "enterSafepoint", Object.class);
        EXIT_SAFEPOINT = find(hooks, "exitSafepoint", void.class, Object.class);
        ENTER_READ_SIDE = find(hooks, "enterReadSide", Object.class);
        EXIT_READ_SIDE = find(hooks, "exitReadSide", void.class, Object.class);
        ENTER_SAFEPOINT_AT = find(hooks, "enterSafepoint", Object.class, int.class);
        ENTER_READ_SIDE_AT = find(hooks, "enterReadSide", Object.class, int.class);
        OPEN_SECTION =
                find(hooks, "openSection", bootstrapClass(ReadSection.class.getName()), int.class);
        CHECK_LIVE = find(hooks, "checkLive", void.class, Object.class, String.class, String.class);
        REVIVE = find(hooks, "revive", void.class, Object.class);
        READ = find(reclaimer, "read", bootstrapClass(ReadSection.class.getName()));
        DEFER = find(reclaimer, "defer", void.class, Runnable.class);
        BARRIER = find(reclaimer, "barrier", void.class);
        SYNCHRONIZE = find(reclaimer, "synchronize", void.class);
        STATS = find(reclaimer, "stats", bootstrapClass(ReclaimerStats.class.getName()));
    }

    private BootstrapCopy() {}

    /** The bootstrap loader's class of that name, or null when it has none; never initialises. */
    private static Class<?> bootstrapClass(String name) {
        if (Hooks.class.getClassLoader() == null) {
            return null;
        }
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * A handle on a public static method of the bootstrap copy, or null when not forwarding. The
     * public lookup needs no read edge from this copy's module to the bootstrap loader's.
     */
    private static MethodHandle find(
            Class<?> owner, String name, Class<?> returnType, Class<?>... parameters) {
        if (!FORWARDING) {
            return null;
        }
        try {
            return MethodHandles.publicLookup()
                    .findStatic(owner, name, MethodType.methodType(returnType, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the runtime on the bootstrap class path has no " + name + "; versions differ",
                    e);
        }
    }

    static boolean retire(Object self, int site, Class<?> declaringType) {
        try {
            return (boolean) RETIRE.invokeExact(self, site, declaringType);
        } catch (Throwable e) { // NOPMD: the bootstrap hook never throws; rethrown unchanged
            throw rethrow(e);
        }
    }

    static boolean retireWithArguments(
            Object self, Object[] arguments, int site, Class<?> declaringType) {
        try {
            return (boolean)
                    RETIRE_WITH_ARGUMENTS.invokeExact(self, arguments, site, declaringType);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static Object enterSafepoint() {
        try {
            return (Object) ENTER_SAFEPOINT.invokeExact();
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static void exitSafepoint(Object token) {
        try {
            EXIT_SAFEPOINT.invokeExact(token);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static Object enterReadSide() {
        try {
            return (Object) ENTER_READ_SIDE.invokeExact();
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static void exitReadSide(Object token) {
        try {
            EXIT_READ_SIDE.invokeExact(token);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static Object enterSafepoint(int sectionSite) {
        try {
            return (Object) ENTER_SAFEPOINT_AT.invokeExact(sectionSite);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static Object enterReadSide(int sectionSite) {
        try {
            return (Object) ENTER_READ_SIDE_AT.invokeExact(sectionSite);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    static ReadSection openSection(int sectionSite) {
        try {
            return new ForwardedSection((AutoCloseable) OPEN_SECTION.invoke(sectionSite));
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    /**
     * Checks {@code self} in the one engine's detector. Its exception is the bootstrap copy's
     * class, which code of this copy cannot catch by type, so it is rethrown as this copy's.
     */
    static void checkLive(Object self, String className, String methodName) {
        try {
            CHECK_LIVE.invokeExact(self, className, methodName);
        } catch (Throwable e) { // NOPMD: as above
            if (e.getClass().getName().equals(UseAfterReleaseException.class.getName())) {
                UseAfterReleaseException local =
                        new UseAfterReleaseException(e.getMessage(), e.getCause());
                local.setStackTrace(e.getStackTrace());
                throw local;
            }
            throw rethrow(e);
        }
    }

    static void revive(Object self) {
        try {
            REVIVE.invokeExact(self);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    /**
     * Opens a section on the one engine; it allocates a small wrapper, since the bootstrap
     * section's type is not this copy's {@link ReadSection}.
     *
     * @return the section, to be closed on this thread
     */
    public static ReadSection read() {
        try {
            return new ForwardedSection((AutoCloseable) READ.invoke());
        } catch (Throwable e) { // NOPMD: unchecked failures pass through unchanged
            throw rethrow(e);
        }
    }

    /**
     * Retires {@code release} on the one engine.
     *
     * @param release the action to run later
     */
    public static void defer(Runnable release) {
        try {
            DEFER.invokeExact(release);
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    /**
     * Waits for the one engine's barrier.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public static void barrier() throws InterruptedException {
        try {
            BARRIER.invokeExact();
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    /**
     * Waits for one grace period of the one engine.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public static void synchronize() throws InterruptedException {
        try {
            SYNCHRONIZE.invokeExact();
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    /**
     * Returns the one engine's counters as this copy's record.
     *
     * @return the counters now
     */
    public static ReclaimerStats stats() {
        try {
            Record stats = (Record) STATS.invoke();
            return new ReclaimerStats(
                    (long) component(stats, "retired"),
                    (long) component(stats, "released"),
                    (long) component(stats, "failed"),
                    (long) component(stats, "pending"),
                    (long) component(stats, "gracePeriods"),
                    (Duration) component(stats, "oldestPendingAge"));
        } catch (Throwable e) { // NOPMD: as above
            throw rethrow(e);
        }
    }

    private static Object component(Record record, String name)
            throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        throw new IllegalStateException("the runtime on the bootstrap class path failed", e);
    }

    /** A section of the bootstrap copy, seen as one of this copy. */
    private static final class ForwardedSection implements ReadSection {

        private final AutoCloseable section;

        ForwardedSection(AutoCloseable section) {
            this.section = section;
        }

        @Override
        public void close() {
            try {
                section.close();
            } catch (Exception e) { // NOPMD: the bootstrap section throws only unchecked
                throw rethrow(e);
            }
        }
    }
}
