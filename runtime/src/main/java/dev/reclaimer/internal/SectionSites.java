package dev.reclaimer.internal;

import java.util.Arrays;

/**
 * The read sections the agent has rewritten, numbered, so a stall report can say which section a
 * reader is in. The agent registers a site when it rewrites it and bakes the id into the injected
 * {@code enterSafepoint}, {@code enterReadSide} or {@code openSection} call; id 0 means unknown.
 *
 * <p>Registration is rare and synchronized; lookups read a published array without locking. Ids
 * stay valid for the life of the JVM.
 */
public final class SectionSites {

    private static final Object LOCK = new Object();

    /** Published copy-on-grow array; slots below {@code count} are never written again. */
    private static volatile SectionSite[] sites = new SectionSite[64];

    private static int count;

    private SectionSites() {}

    /**
     * Registers a rewritten section.
     *
     * @param className the binary name of the declaring class ({@code com.example.Outer$Inner})
     * @param methodName the method's name
     * @param descriptor the method's descriptor ({@code ()V})
     * @return the site's id, at least 1
     */
    public static int register(String className, String methodName, String descriptor) {
        synchronized (LOCK) {
            int id = ++count;
            SectionSite[] current = sites;
            if (id >= current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[id] = new SectionSite(id, className, methodName, descriptor);
            sites = current;
            return id;
        }
    }

    /**
     * Returns the site registered under {@code id}.
     *
     * @param id an id {@link #register} returned
     * @return the site
     * @throws IllegalArgumentException if no site has that id
     */
    public static SectionSite get(int id) {
        SectionSite[] current = sites;
        SectionSite site = id > 0 && id < current.length ? current[id] : null;
        if (site == null) {
            throw new IllegalArgumentException("no section site with id " + id);
        }
        return site;
    }
}
