package dev.reclaimer.internal;

import dev.reclaimer.ReadSection;
import dev.reclaimer.ReclaimerStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grace-period engine behind {@link dev.reclaimer.Reclaimer} and {@link Hooks}: per-thread
 * records and retire queues, the global epoch, drains at safepoints and on a background thread,
 * blocking waits, stall and backlog reports, and the drain at JVM exit.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> Readers enter and leave sections on their own {@link ThreadRecord}. Retiring
 * threads append to their own {@link RetireQueue}. Drainers (a main-loop thread leaving its
 * outermost safepoint, the {@link BackgroundDrainer}, a thread in {@link #barrier()}, a thread
 * applying the {@link BacklogPolicy#WAIT} policy, the shutdown hook) advance the epoch through
 * {@link GracePeriods} and run ready entries through the {@link Drainer}. The safety argument is in
 * {@link GracePeriods}; the hand-over of entries in {@link RetireQueue}.
 *
 * <p><b>State.</b> {@code state} holds an {@link EngineState} ordinal, moved forward by CAS. A
 * retire reads it before appending: in {@code SHUT_DOWN} the body runs inline. It reads it again
 * after appending, so a retire that raced with the end of the final drain is logged by name rather
 * than lost without a word: either the shutdown report saw the entry, or the retiring thread sees
 * {@code SHUT_DOWN} and logs it itself.
 *
 * <p><b>Counters of purged records</b> are folded into {@code folded*} under the registry's lock,
 * which {@link #stats()} also takes, so a record is counted exactly once.
 *
 * <p><b>Diagnostics.</b> When the use-after-release detector or retire stacks are on, a retire
 * stores a {@link RetireOrigin} in its queue entry, published with the entry by the queue's release
 * store; the {@link ReleaseRunner} marks the receiver in {@link ReleaseMarks} after the body. When
 * both are off no origin is created and no marks exist. The MBean is registered by the background
 * drainer once {@code startedNanos} (written before the drainer thread starts, so seen by it) plus
 * the registration delay has passed; {@code jmxLock} orders that registration against the
 * unregistration at shutdown, so a shut-down engine never leaves its MBean behind.
 *
 * <p><b>Accepted race.</b> {@code lastSafepointDrainNanos} is an opaque hint; a lost update only
 * moves the moment the background drainer takes over by a tick.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private static final Object GLOBAL_LOCK = new Object();
    private static Settings configured;
    private static Diagnostics configuredDiagnostics;

    /** Whether the global engine's creation has begun; guarded by {@link #GLOBAL_LOCK}. */
    private static boolean globalCreated;

    private static final VarHandle STATE;
    private static final VarHandle STARTED;
    private static final VarHandle LAST_SAFEPOINT_DRAIN;
    private static final VarHandle INTERNAL_FAILURE_LOGGED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Engine.class, "state", int.class);
            STARTED = lookup.findVarHandle(Engine.class, "started", int.class);
            LAST_SAFEPOINT_DRAIN =
                    lookup.findVarHandle(Engine.class, "lastSafepointDrainNanos", long.class);
            INTERNAL_FAILURE_LOGGED =
                    lookup.findVarHandle(Engine.class, "internalFailureLogged", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Settings settings;
    private final Diagnostics diagnostics;

    /** The use-after-release detector's marks; null when the detector is off. */
    private final ReleaseMarks marks;

    private final boolean registersShutdownHook;

    /** The MBean's object name: the documented one for the global engine, a unique one in tests. */
    private final String mbeanName;

    private final ThreadRegistry registry = new ThreadRegistry();
    private final OperationsMetrics metrics = new OperationsMetrics();
    private final GracePeriods gracePeriods = new GracePeriods(registry, metrics);
    private final ReleaseMethods methods = new ReleaseMethods();
    private final Drainer drainer;
    private final StallMonitor stallMonitor;
    private final BacklogGuard backlogGuard;
    private final BackgroundDrainer background;

    /** The {@link RecordLookup} cache in front of {@link #recordLocal}. */
    private final ThreadRecord[] recordCache = RecordLookup.newCache();

    private final ThreadLocal<ThreadRecord> recordLocal = ThreadLocal.withInitial(this::register);

    /** Whether a retire records its thread (and stack) for the detector or the leak report. */
    private final boolean recordsOrigins;

    /** Guards the MBean's registration against the shutdown's unregistration. */
    private final Object jmxLock = new Object();

    /** When the background work started; written before the drainer thread starts. */
    private long startedNanos;

    /** Pending releases the previous background tick counted; background drainer only. */
    private long pendingAtLastTick;

    /** Whether registration was attempted; background drainer only. */
    private boolean jmxAttempted;

    /** Whether the MBean is registered now; guarded by {@link #jmxLock}. */
    private boolean jmxRegistered;

    /** Whether the engine shut down, so the MBean must not be registered; guarded. */
    private boolean jmxClosed;

    /** An {@link EngineState} ordinal; VarHandle {@link #STATE}. */
    @SuppressWarnings("unused")
    private int state = EngineState.RUNNING.ordinal();

    /** 1 once the background drainer (and the shutdown hook) started; VarHandle. */
    @SuppressWarnings("unused")
    private int started;

    /** When a safepoint last ran a release; VarHandle {@link #LAST_SAFEPOINT_DRAIN}. */
    @SuppressWarnings("unused")
    private long lastSafepointDrainNanos;

    /** 1 once an internal failure was logged; VarHandle. */
    @SuppressWarnings("unused")
    private int internalFailureLogged;

    // Counters of purged records; guarded by the registry's lock.
    private long foldedRetired;
    private long foldedReleased;
    private long foldedFailed;

    private Engine(Settings settings, Diagnostics diagnostics, boolean registersShutdownHook) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.marks = diagnostics.detectUseAfterRelease() ? new ReleaseMarks() : null;
        this.recordsOrigins =
                diagnostics.detectUseAfterRelease() || diagnostics.recordRetireStacks();
        this.registersShutdownHook = registersShutdownHook;
        this.mbeanName =
                registersShutdownHook
                        ? MBeanNames.GLOBAL
                        : MBeanNames.GLOBAL + ",engine=" + MBeanNames.nextTestEngine();
        this.drainer =
                new Drainer(
                        registry,
                        gracePeriods,
                        new ReleaseRunner(
                                methods, new FailureLog(settings.failureLogInterval()), marks),
                        metrics,
                        settings.fallbackDelay().toNanos(),
                        8L * settings.drainMaxReleases());
        this.stallMonitor = new StallMonitor(registry, settings.stallTimeout());
        this.backlogGuard = new BacklogGuard(settings, gracePeriods, drainer);
        this.background = new BackgroundDrainer(this, tickNanos(settings));
        LAST_SAFEPOINT_DRAIN.setOpaque(this, System.nanoTime());
    }

    /**
     * Sets the settings the global engine will be created with. The agent calls this once, before
     * anything uses the engine.
     *
     * @param settings the settings to use
     * @return {@code true} if they will be used; {@code false} (and a warning) if the global engine
     *     already exists, in which case they are ignored
     */
    public static boolean configure(Settings settings) {
        return configure(settings, Diagnostics.defaults());
    }

    /**
     * Sets the settings and the diagnostics options the global engine will be created with. The
     * agent calls this once, before anything uses the engine.
     *
     * @param settings the settings to use
     * @param diagnostics the operations and debugging options to use
     * @return {@code true} if they will be used; {@code false} (and a warning) if the global engine
     *     already exists, in which case they are ignored
     */
    public static boolean configure(Settings settings, Diagnostics diagnostics) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(diagnostics, "diagnostics");
        synchronized (GLOBAL_LOCK) {
            if (globalCreated) {
                LOG.warn("Reclaimer settings arrived after the engine started; they are ignored");
                return false;
            }
            configured = settings;
            configuredDiagnostics = diagnostics;
            return true;
        }
    }

    /**
     * Returns the engine of this JVM, creating it on first use with the configured settings or the
     * defaults.
     *
     * @return the global engine
     */
    public static Engine global() {
        return GlobalEngine.ENGINE;
    }

    /**
     * Holds the global engine, created by this class's initialiser on the first hook call. The JVM
     * runs the initialiser once, and compiled hooks then read the engine as a constant instead of
     * loading and testing a volatile field on every read section, safepoint and retire.
     */
    private static final class GlobalEngine {
        static final Engine ENGINE = createGlobal();
    }

    private static Engine createGlobal() {
        synchronized (GLOBAL_LOCK) {
            globalCreated = true;
            Settings chosen = configured != null ? configured : Settings.defaults();
            Diagnostics options =
                    configuredDiagnostics != null ? configuredDiagnostics : Diagnostics.defaults();
            return new Engine(chosen, options, true);
        }
    }

    /**
     * Creates an independent engine with its own threads, no shutdown hook and no MBean; for tests.
     */
    static Engine create(Settings settings) {
        return create(settings, new Diagnostics(false, false, Duration.ZERO, false));
    }

    /** Creates an independent engine with diagnostics options and no shutdown hook; for tests. */
    static Engine create(Settings settings, Diagnostics diagnostics) {
        return new Engine(settings, diagnostics, false);
    }

    /** Returns the settings this engine runs with. */
    Settings settings() {
        return settings;
    }

    /** Returns the diagnostics options this engine runs with. */
    Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Returns the figures beyond {@link #stats()}: drains by place, recent grace periods. */
    OperationsMetrics metrics() {
        return metrics;
    }

    /** Returns the calling thread's record, creating it on first use. */
    private ThreadRecord currentRecord() {
        return RecordLookup.current(recordCache, recordLocal);
    }

    // ---- read sections ------------------------------------------------------------------

    /**
     * Opens a read section on the calling thread.
     *
     * @return the thread's section object, to be closed on this thread
     */
    public ReadSection openSection() {
        return openSection(0);
    }

    /**
     * Opens a read section on the calling thread, recording where it was opened.
     *
     * @param sectionSite the {@link SectionSites} id of the {@code Reclaimer.read()} call, 0 when
     *     unknown
     * @return the thread's section object, to be closed on this thread
     */
    public ReadSection openSection(int sectionSite) {
        ThreadRecord record = currentRecord();
        record.enter(gracePeriods.epochVolatile(), sectionSite);
        return record;
    }

    /** Enters a safepoint method of unknown site. */
    Object enterSafepoint() {
        return enterSafepoint(0);
    }

    /** Enters a safepoint method: a read section whose outermost exit drains. */
    Object enterSafepoint(int sectionSite) {
        return enterReadSide(sectionSite);
    }

    /** Leaves a safepoint method; at the outermost level, drains ready releases within budget. */
    void exitSafepoint(Object token) {
        if (!(token instanceof ThreadRecord)) {
            return;
        }
        ThreadRecord record = (ThreadRecord) token;
        try {
            if (record.exit() && drainer.workHintOpaque() && record.releasing() == null) {
                drainAtSafepoint(record);
            }
        } catch (RuntimeException | Error e) {
            reportInternalFailure("a safepoint exit", e);
        }
    }

    /** Enters a read-side method of unknown site. */
    Object enterReadSide() {
        return enterReadSide(0);
    }

    /** Enters a read-side method; never throws into application code. */
    Object enterReadSide(int sectionSite) {
        try {
            ThreadRecord record = currentRecord();
            record.enter(gracePeriods.epochVolatile(), sectionSite);
            return record;
        } catch (RuntimeException | Error e) {
            reportInternalFailure("a read-side entry", e);
            return null;
        }
    }

    /** Leaves a read-side method; never throws into application code. */
    void exitReadSide(Object token) {
        if (!(token instanceof ThreadRecord)) {
            return;
        }
        try {
            ((ThreadRecord) token).exit();
        } catch (RuntimeException | Error e) {
            reportInternalFailure("a read-side exit", e);
        }
    }

    private void drainAtSafepoint(ThreadRecord record) {
        gracePeriods.tryAdvance();
        int cap = settings.drainMaxReleases();
        RetireQueue own = record.queueAcquire();
        if (own != null && own.pendingAcquire() > 2L * cap) {
            // A loop that retires as much per iteration as its safepoint may run has no headroom:
            // a pass cut short once leaves a remainder that equal passes never make up. The
            // background drainer leaves an active loop's queue to it, so the loop catches up.
            cap = (int) Math.min(Integer.MAX_VALUE, 2L * cap);
        }
        int ran =
                drainer.drainReady(
                        record, DrainPlace.SAFEPOINT, cap, settings.drainTimeBudget().toNanos());
        if (ran > 0) {
            LAST_SAFEPOINT_DRAIN.setOpaque(this, System.nanoTime());
        }
    }

    // ---- retire ---------------------------------------------------------------------------

    /**
     * Retires a call of a rewritten release method.
     *
     * @return {@code true} if the call was queued and the body must be skipped now
     */
    boolean retire(Object self, Object[] arguments, int site, Class<?> declaringType) {
        try {
            ThreadRecord record = currentRecord();
            if (record.releasing() == self || isShutDown()) {
                return false;
            }
            if (site != record.deferrableSite) {
                // A thread that keeps retiring through one site resolves it once, not per call.
                if (methods.invokerFor(site, declaringType) == null) {
                    return false;
                }
                record.deferrableSite = site;
            }
            enqueue(record, self, arguments, site);
            return true;
        } catch (RuntimeException | Error e) {
            reportInternalFailure("a retire", e);
            return false;
        }
    }

    /**
     * Retires {@code release}: it runs once, after a grace period. After shutdown it runs at once.
     *
     * @param release the action to run
     */
    public void defer(Runnable release) {
        ThreadRecord record = currentRecord();
        if (isShutDown()) {
            release.run();
            return;
        }
        enqueue(record, release, null, ReleaseMethods.DEFER_SITE);
    }

    private void enqueue(ThreadRecord record, Object receiver, Object[] arguments, int site) {
        RetireQueue queue = record.ownQueue();
        RetireOrigin origin =
                recordsOrigins
                        ? RetireOrigin.ofCurrentThread(diagnostics.recordRetireStacks())
                        : null;
        long tag = gracePeriods.epochVolatile();
        boolean newChunk = queue.append(receiver, arguments, site, tag, origin);
        drainer.signalWork();
        if (newChunk) {
            backlogGuard.onChunkRollOver(record);
        }
        if (isShutDown()) {
            LOG.warn(
                    "Release {} was retired while the reclaimer shut down and will not run",
                    ReleaseMethods.displayName(site, receiver));
        }
    }

    // ---- use-after-release detector -------------------------------------------------------

    /**
     * Throws when {@code self}'s deferred release has already run and it was not revived since;
     * does nothing when the detector is off.
     *
     * @throws dev.reclaimer.UseAfterReleaseException for a released object
     */
    void checkLive(Object self, String className, String methodName) {
        ReleaseMarks current = marks;
        if (current != null) {
            current.check(self, className, methodName);
        }
    }

    /** Clears the released mark of {@code self}: a pool handed it out again. */
    void revive(Object self) {
        ReleaseMarks current = marks;
        if (current != null) {
            current.revive(self);
        }
    }

    /** Returns the detector's marks, null when it is off; for tests. */
    ReleaseMarks marksForTests() {
        return marks;
    }

    // ---- blocking waits -------------------------------------------------------------------

    /**
     * Waits until every release retired before the call has run. The calling thread helps: it
     * advances the epoch and runs ready releases itself.
     *
     * @throws IllegalStateException inside a read section or a release body
     * @throws InterruptedException if interrupted while waiting
     */
    public void barrier() throws InterruptedException {
        ThreadRecord self = currentRecord();
        refuseWaitInSection(self, "barrier()");
        if (self.releasing() != null || self.draining) {
            throw new IllegalStateException(
                    "barrier() called inside a release body: the releases it waits for may be"
                            + " queued behind this one, so it could never return");
        }
        BarrierTargets targets = BarrierTargets.snapshot(registry);
        Backoff backoff = new Backoff();
        while (!targets.reached()) {
            gracePeriods.tryAdvance();
            if (drainer.drainReady(self, DrainPlace.WAIT, Integer.MAX_VALUE, Long.MAX_VALUE) == 0
                    && !targets.reached()) {
                backoff.pause();
            }
        }
    }

    /**
     * Waits until one grace period has passed.
     *
     * @throws IllegalStateException inside a read section
     * @throws InterruptedException if interrupted while waiting
     */
    public void synchronize() throws InterruptedException {
        refuseWaitInSection(currentRecord(), "synchronize()");
        long target = gracePeriods.epochVolatile() + 2;
        Backoff backoff = new Backoff();
        while (gracePeriods.epochVolatile() < target) {
            if (!gracePeriods.tryAdvance()) {
                backoff.pause();
            }
        }
    }

    private static void refuseWaitInSection(ThreadRecord self, String operation) {
        if (self.inSection()) {
            throw new IllegalStateException(
                    operation
                            + " called inside a read section: it waits for every open section to"
                            + " close, including this one, so it could never return");
        }
    }

    // ---- statistics -----------------------------------------------------------------------

    /**
     * Returns a snapshot of the counters.
     *
     * @return the counters now
     */
    public ReclaimerStats stats() {
        return registry.withLock(this::statsLocked);
    }

    private ReclaimerStats statsLocked() {
        long released = foldedReleased;
        long failed = foldedFailed;
        long retired = foldedRetired;
        long oldestTag = 0;
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                break;
            }
            RetireQueue queue = record.queueAcquire();
            if (queue != null) {
                released += queue.releasedAcquire();
                failed += queue.failedAcquire();
                retired += queue.producedAcquire();
                oldestTag = older(oldestTag, oldestTagOf(queue));
            }
        }
        long pending = retired - released - failed;
        Duration age =
                pending == 0 || oldestTag == 0
                        ? Duration.ZERO
                        : Duration.ofNanos(
                                Math.max(
                                        0,
                                        System.nanoTime()
                                                - gracePeriods.approximateStartNanos(oldestTag)));
        return new ReclaimerStats(
                retired, released, failed, pending, gracePeriods.completedGracePeriods(), age);
    }

    private static long oldestTagOf(RetireQueue queue) {
        if (queue.pendingAcquire() == 0 || !queue.tryClaim()) {
            return 0;
        }
        try {
            return queue.oldestEpochClaimed();
        } finally {
            queue.unclaim();
        }
    }

    private static long older(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    // ---- background work ------------------------------------------------------------------

    /** One tick of the background drainer; see {@link BackgroundDrainer}. */
    void backgroundTick() {
        long now = System.nanoTime();
        gracePeriods.tryAdvance();
        stallMonitor.scan(gracePeriods.epochVolatile(), now);
        long pending = drainer.totalPending();
        if (pending > 0) {
            drainer.signalWork();
            long idle = now - (long) LAST_SAFEPOINT_DRAIN.getOpaque(this);
            if (idle >= settings.fallbackDelay().toNanos() || safepointsFallBehind(pending)) {
                gracePeriods.tryAdvance();
                drainer.drainReady(
                        currentRecord(), DrainPlace.BACKGROUND, Integer.MAX_VALUE, Long.MAX_VALUE);
            }
        }
        pendingAtLastTick = pending;
        backlogGuard.onBackgroundTick(pending);
        purgeDeadRecords(now);
        registerMBeanWhenDue(now);
    }

    /**
     * Returns whether the safepoints cannot keep up: more is pending than two passes at the
     * per-safepoint cap may run, and the backlog did not shrink since the last tick. The background
     * drainer then runs the queues whose owners have not drained them within the fallback delay (a
     * loop that drains its own catches up itself, see {@link #drainAtSafepoint}).
     */
    private boolean safepointsFallBehind(long pending) {
        return pending > 2L * settings.drainMaxReleases() && pending >= pendingAtLastTick;
    }

    /**
     * Registers the MBean once the engine has run for the registration delay. It runs on the
     * background drainer, never in {@code premain} or a class initialiser, so the application has
     * set up its own JMX and logging by then; {@link MBeanRegistration} is loaded only here.
     */
    private void registerMBeanWhenDue(long now) {
        if (jmxAttempted
                || !diagnostics.jmxEnabled()
                || now - startedNanos < diagnostics.jmxRegistrationDelay().toNanos()) {
            return;
        }
        jmxAttempted = true;
        synchronized (jmxLock) {
            if (!jmxClosed) {
                jmxRegistered = registerMBean();
            }
        }
    }

    private boolean registerMBean() {
        try {
            return MBeanRegistration.register(new ReclaimerMBeanView(this), mbeanName);
        } catch (LinkageError noManagementModule) {
            LOG.warn(
                    "Could not register the reclaimer MBean; the reclaimer runs without it",
                    noManagementModule);
            return false;
        }
    }

    private void unregisterMBean() {
        synchronized (jmxLock) {
            jmxClosed = true;
            if (jmxRegistered) {
                jmxRegistered = false;
                MBeanRegistration.unregister(mbeanName);
            }
        }
    }

    private void purgeDeadRecords(long now) {
        if (!hasDeadRecord()) {
            return;
        }
        int purged = registry.removeIf(record -> purgeIfDeadAndDrained(record, now));
        if (purged > 0) {
            LOG.debug("Purged the records of {} terminated threads", purged);
        }
    }

    private boolean hasDeadRecord() {
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return false;
            }
            if (!record.thread.isAlive()) {
                return true;
            }
        }
    }

    /**
     * Under the registry lock: drops a dead thread's drained record, first ending a stall report it
     * may have open (the thread may have left its section and died between two scans).
     */
    private boolean purgeIfDeadAndDrained(ThreadRecord record, long now) {
        boolean purge = foldIfDeadAndDrained(record);
        if (purge) {
            StallMonitor.endStall(record, now);
            RecordLookup.forget(recordCache, record);
        }
        return purge;
    }

    /** Under the registry lock: folds and drops a dead thread's record once its queue is empty. */
    private boolean foldIfDeadAndDrained(ThreadRecord record) {
        if (record.thread.isAlive()) {
            return false;
        }
        RetireQueue queue = record.queueAcquire();
        if (queue == null) {
            return true;
        }
        if (!queue.tryClaim()) {
            return false;
        }
        try {
            if (queue.pendingAcquire() != 0) {
                return false;
            }
            foldedRetired += queue.producedAcquire();
            foldedReleased += queue.releasedAcquire();
            foldedFailed += queue.failedAcquire();
            return true;
        } finally {
            queue.unclaim();
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------

    private ThreadRecord register() {
        ThreadRecord record =
                new ThreadRecord(Thread.currentThread(), backlogGuard.pendingEstimate());
        registry.register(record);
        if (STARTED.compareAndSet(this, 0, 1)) {
            startBackgroundWork();
        }
        return record;
    }

    private void startBackgroundWork() {
        startedNanos = System.nanoTime();
        background.start();
        if (registersShutdownHook) {
            try {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(this::shutdown, "reclaimer-shutdown"));
            } catch (IllegalStateException alreadyExiting) {
                LOG.warn("The JVM is already exiting; pending releases will not run at exit");
            }
        }
    }

    /**
     * Runs the final drain: stops the background drainer, waits for grace periods and runs pending
     * releases until none is left or the shutdown timeout passes, then logs by release site what
     * could not run. Later retires run inline. Runs once; later calls return at once.
     */
    void shutdown() {
        if (!STATE.compareAndSet(
                this, EngineState.RUNNING.ordinal(), EngineState.SHUTTING_DOWN.ordinal())) {
            return;
        }
        background.stop();
        ThreadRecord self = currentRecord();
        long start = System.nanoTime();
        long timeout = settings.shutdownTimeout().toNanos();
        Backoff backoff = new Backoff();
        while (drainer.totalPending() > 0 && System.nanoTime() - start < timeout) {
            gracePeriods.tryAdvance();
            if (drainer.drainReady(self, DrainPlace.SHUTDOWN, Integer.MAX_VALUE, timeout) == 0) {
                backoff.pauseUninterruptibly();
            }
        }
        STATE.setVolatile(this, EngineState.SHUT_DOWN.ordinal());
        new ShutdownReport(registry, gracePeriods).logUnreleased(settings.shutdownTimeout());
        unregisterMBean();
    }

    /** Returns whether the final drain is over, with a volatile load and no decoding. */
    private boolean isShutDown() {
        return (int) STATE.getVolatile(this) == EngineState.SHUT_DOWN.ordinal();
    }

    /** Returns the engine's state, with a volatile load. */
    EngineState stateVolatile() {
        return EngineState.of((int) STATE.getVolatile(this));
    }

    /** Returns the object name this engine registers its MBean under; for tests. */
    String mbeanName() {
        return mbeanName;
    }

    /** Returns the thread registry, for tests. */
    ThreadRegistry registryForTests() {
        return registry;
    }

    /** Returns the background drainer's thread, for tests. */
    Thread backgroundThread() {
        return background.thread();
    }

    private void reportInternalFailure(String where, Throwable failure) {
        if (INTERNAL_FAILURE_LOGGED.compareAndSet(this, 0, 1)) {
            LOG.error(
                    "Reclaimer failed in {}; the call goes on as without the agent (logged once)",
                    where,
                    failure);
        }
    }

    private static long tickNanos(Settings settings) {
        long fallback = settings.fallbackDelay().toNanos() / 2;
        long stall = settings.stallTimeout().toNanos() / 4;
        return Math.max(1_000_000L, Math.min(Math.min(fallback, stall), 50_000_000L));
    }
}
