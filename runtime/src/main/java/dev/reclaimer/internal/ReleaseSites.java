package dev.reclaimer.internal;

/**
 * The release methods the agent has rewritten, numbered. The agent registers a method when it
 * rewrites it and bakes the returned id into the injected call to {@link Hooks#retire}; the engine
 * looks the id up when it needs the method's name, for logs and for the deferred call.
 *
 * <p>Numbering, publication and the life of ids are as {@link SiteTable} describes.
 */
public final class ReleaseSites {

    private static final SiteTable<ReleaseSite> SITES = new SiteTable<>("release site");

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
        return SITES.register(id -> new ReleaseSite(id, className, methodName, descriptor));
    }

    /**
     * Returns the site registered under {@code id}.
     *
     * @param id an id {@link #register} returned
     * @return the site
     * @throws IllegalArgumentException if no site has that id
     */
    public static ReleaseSite get(int id) {
        return SITES.get(id);
    }
}
