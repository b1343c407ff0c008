package dev.reclaimer.sample.machine;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** How readers are protected from releases. */
public enum SyncMode {
    /**
     * Readers take no lock; the controller calls the release methods after publishing, and
     * Reclaimer (when its agent is attached) defers them past a grace period.
     */
    RECLAIMER,
    /**
     * A read-write lock: each dispatch holds the read lock; publishing and releasing inline hold
     * the write lock.
     */
    RWLOCK,
    /** One mutex around each dispatch and around publishing and releasing inline. */
    MUTEX;

    /**
     * Creates the guard that implements this mode, with fresh locks.
     *
     * @return a new guard
     */
    public Guard newGuard() {
        switch (this) {
            case RECLAIMER:
                return new Guard(null, null);
            case RWLOCK:
                ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
                return new Guard(lock.readLock(), lock.writeLock());
            case MUTEX:
                ReentrantLock mutex = new ReentrantLock();
                return new Guard(mutex, mutex);
            default:
                throw new IllegalStateException("unknown sync mode " + this);
        }
    }
}
