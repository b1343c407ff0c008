package dev.reclaimer.internal;

/**
 * The read sections the agent has rewritten, numbered, so a stall report can say which section a
 * reader is in. The agent registers a site when it rewrites it and bakes the id into the injected
 * {@code enterSafepoint}, {@code enterReadSide} or {@code openSection} call; id 0 means unknown.
 *
 * <p>Numbering, publication and the life of ids are as {@link SiteTable} describes.
 */
public final class SectionSites {

    private static final SiteTable<SectionSite> SITES = new SiteTable<>("section site");

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
        return SITES.register(id -> new SectionSite(id, className, methodName, descriptor));
    }

    /**
     * Returns the site registered under {@code id}.
     *
     * @param id an id {@link #register} returned
     * @return the site
     * @throws IllegalArgumentException if no site has that id
     */
    public static SectionSite get(int id) {
        return SITES.get(id);
    }
}
