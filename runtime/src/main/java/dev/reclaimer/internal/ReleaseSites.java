package dev.reclaimer.internal;

import java.util.Arrays;

/**
 * The release methods the agent has rewritten, numbered. The agent registers a method when it
 * rewrites it and bakes the returned id into the injected call to {@link Hooks#retire}; the engine
 * looks the id up when it needs the method's name, for logs and for the deferred call.
 *
 * <p>Registration is rare (once per rewritten method) and synchronized; lookups read a published
 * array without locking. A site is never removed: ids stay valid for the life of the JVM, and a
 * class rewritten again (retransformation) gets new ids.
 */
public final class ReleaseSites {

    private static final Object LOCK = new Object();

    /** Published copy-on-grow array; slots below {@code count} are never written again. */
    private static volatile ReleaseSite[] sites = new ReleaseSite[64];

    private static int count;

    private ReleaseSites() {}

    /**
     * Registers a rewritten release method.
     *
     * @param className the binary name of the declaring class ({@code com.example.Outer$Inner})
     * @param methodName the method's name
     * @param descriptor the method's descriptor ({@code (J)V})
     * @return the site's id, at least 1
     */
    public static int register(String className, String methodName, String descriptor) {
        synchronized (LOCK) {
            int id = ++count;
            ReleaseSite[] current = sites;
            if (id >= current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[id] = new ReleaseSite(id, className, methodName, descriptor);
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
    public static ReleaseSite get(int id) {
        ReleaseSite[] current = sites;
        ReleaseSite site = id > 0 && id < current.length ? current[id] : null;
        if (site == null) {
            throw new IllegalArgumentException("no release site with id " + id);
        }
        return site;
    }
}
