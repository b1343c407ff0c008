package dev.reclaimer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link ReleaseInvoker} for each release site: a hidden copy of {@link SiteInvoker} whose
 * class data is the site's handle, so every site's body is called through a constant handle. When
 * hidden classes cannot be defined (the template's bytes are not readable), every site falls back
 * to calling its handle directly, which is slower per release but behaves the same.
 */
final class SiteInvokers {

    private static final Logger LOG = LoggerFactory.getLogger(SiteInvokers.class);

    /** The template's class file, or null when it could not be read. */
    private static final byte[] TEMPLATE = readTemplate();

    private SiteInvokers() {}

    /**
     * Returns an invoker of {@code handle}.
     *
     * @param handle of type {@code (Object, Object[]) void}
     * @return the invoker
     */
    static ReleaseInvoker of(MethodHandle handle) {
        if (TEMPLATE != null) {
            try {
                Class<?> copy =
                        MethodHandles.lookup()
                                .defineHiddenClassWithClassData(TEMPLATE, handle, true)
                                .lookupClass();
                return (ReleaseInvoker) copy.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("Cannot define a site invoker; calling the release handle directly", e);
            }
        }
        return handle::invokeExact;
    }

    private static byte[] readTemplate() {
        try (InputStream in = SiteInvoker.class.getResourceAsStream("SiteInvoker.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
