package dev.reclaimer.internal;

/** The MBean's attributes, read from one engine; holds nothing of its own. */
final class ReclaimerMBeanView implements ReclaimerMXBean {

    private final Engine engine;

    ReclaimerMBeanView(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long getRetired() {
        return engine.stats().retired();
    }

    @Override
    public long getReleased() {
        return engine.stats().released();
    }

    @Override
    public long getFailed() {
        return engine.stats().failed();
    }

    @Override
    public long getPending() {
        return engine.stats().pending();
    }

    @Override
    public long getGracePeriods() {
        return engine.stats().gracePeriods();
    }

    @Override
    public long getOldestPendingAgeMillis() {
        return engine.stats().oldestPendingAge().toMillis();
    }

    @Override
    public long getLongestRecentGracePeriodMillis() {
        return engine.metrics().longestRecentGracePeriodNanos(System.nanoTime()) / 1_000_000;
    }

    @Override
    public long getDrainsAtSafepoint() {
        return engine.metrics().drains(DrainPlace.SAFEPOINT);
    }

    @Override
    public long getDrainsInBackground() {
        return engine.metrics().drains(DrainPlace.BACKGROUND);
    }

    @Override
    public long getDrainsAtShutdown() {
        return engine.metrics().drains(DrainPlace.SHUTDOWN);
    }

    @Override
    public long getDrainsInWaits() {
        return engine.metrics().drains(DrainPlace.WAIT);
    }
}
