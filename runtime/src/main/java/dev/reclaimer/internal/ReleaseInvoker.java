package dev.reclaimer.internal;

/** Calls one release site's deferred body; see {@link SiteInvokers}. */
interface ReleaseInvoker {

    /**
     * Calls the body.
     *
     * @param receiver the object whose release was retired
     * @param arguments the retired call's arguments, null when the method takes none
     * @throws Throwable whatever the body throws
     */
    void invoke(Object receiver, Object[] arguments) throws Throwable;
}
