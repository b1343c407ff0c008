package dev.reclaimer.internal;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A table of rewritten methods numbered from 1, shared by {@link ReleaseSites} and {@link
 * SectionSites}. Registration is rare (once per rewritten method) and synchronized; lookups read a
 * published array without locking. A site is never removed: ids stay valid for the life of the JVM,
 * and a class rewritten again (retransformation) gets new ids.
 *
 * @param <S> the kind of site
 */
final class SiteTable<S> {

    private final Object lock = new Object();
    private final String kind;

    /** Published copy-on-grow array; slots below {@code count} are never written again. */
    private volatile Object[] sites = new Object[64];

    private int count;

    /**
     * Creates an empty table.
     *
     * @param kind what its sites are, for the error of an unknown id ({@code "release site"})
     */
    SiteTable(String kind) {
        this.kind = kind;
    }

    /** Registers the site {@code make} builds for the next id, and returns that id. */
    int register(IntFunction<S> make) {
        synchronized (lock) {
            int id = ++count;
            Object[] current = sites;
            if (id >= current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[id] = make.apply(id);
            sites = current;
            return id;
        }
    }

    /** Returns the site under {@code id}, or throws {@link IllegalArgumentException}. */
    @SuppressWarnings("unchecked") // only register stores into the array, and only S
    S get(int id) {
        Object[] current = sites;
        Object site = id > 0 && id < current.length ? current[id] : null;
        if (site == null) {
            throw new IllegalArgumentException("no " + kind + " with id " + id);
        }
        return (S) site;
    }
}
