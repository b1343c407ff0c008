package dev.reclaimer;

/**
 * An open read section, returned by {@link Reclaimer#read()}. Close it on the thread that opened
 * it, exactly once, preferably with try-with-resources. Sections nest; the thread stops being a
 * reader when its outermost section closes.
 */
public interface ReadSection extends AutoCloseable {

    /**
     * Closes this section.
     *
     * @throws IllegalStateException if the calling thread has no open section
     */
    @Override
    void close();
}
