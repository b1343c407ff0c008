package dev.reclaimer.sample.machine;

import java.util.concurrent.locks.Lock;

/**
 * The locks, if any, around each dispatch and around each publish-and-release. Without locks the
 * releases are left to the release methods; with locks they run inline under the write lock, which
 * is what an application does without Reclaimer.
 */
public final class Guard {

    private final Lock readLock;
    private final Lock writeLock;

    /**
     * Creates a guard; both locks null means readers run unlocked.
     *
     * @param readLock held around each dispatch, or null
     * @param writeLock held around each publish and its releases, or null
     */
    Guard(Lock readLock, Lock writeLock) {
        this.readLock = readLock;
        this.writeLock = writeLock;
    }

    /**
     * Tells whether releases run inline under the write lock instead of through the release
     * methods.
     *
     * @return true when readers are locked
     */
    public boolean releasesInline() {
        return writeLock != null;
    }

    void lockRead() {
        if (readLock != null) {
            readLock.lock();
        }
    }

    void unlockRead() {
        if (readLock != null) {
            readLock.unlock();
        }
    }

    void lockWrite() {
        if (writeLock != null) {
            writeLock.lock();
        }
    }

    void unlockWrite() {
        if (writeLock != null) {
            writeLock.unlock();
        }
    }
}
