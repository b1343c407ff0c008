package dev.reclaimer.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deferred calls of rewritten release methods, one per site, resolved on a site's first retire
 * and cached.
 *
 * <p>A deferred release calls the very method that was retired, on the same receiver, without
 * virtual dispatch (as {@code invokespecial} would), so a subclass's release retires and later runs
 * its own body, not the most derived one again. Every handle is adapted to the shape {@code (Object
 * receiver, Object[] arguments) void} and wrapped in a {@link ReleaseInvoker} whose class holds it
 * as a constant (see {@link SiteInvokers}), so a drain's call reaches the body without the handle's
 * adapters.
 *
 * <h2>Protocol</h2>
 *
 * <p>A site is resolved outside any lock, then published under the lock: into the current table
 * with a release store of its slot, or, for a site past the end, into a copy of double the length
 * published with a release store of the table. The retire fast path reads the table with an acquire
 * load and the slot with a plain load; a reader that sees a slot's {@link Resolved} sees its final
 * {@code invoker} complete, and one that misses it resolves the site itself and then takes the
 * published one. A site that cannot be resolved (the method's package is not open to us, a
 * class-loader mismatch) is cached as unresolvable: it is logged and its releases run inline, as
 * without the agent. Two threads racing to resolve the same site both resolve it (and an
 * unresolvable one is logged by both); the first to publish wins and the other's work is discarded,
 * which is harmless.
 */
final class ReleaseMethods {

    /** The reserved site of {@link dev.reclaimer.Reclaimer#defer}: run the receiver. */
    static final int DEFER_SITE = 0;

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseMethods.class);

    private static final MethodType INVOKER_TYPE =
            MethodType.methodType(void.class, Object.class, Object[].class);

    private static final VarHandle TABLE;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Resolved[].class);

    static {
        try {
            TABLE =
                    MethodHandles.lookup()
                            .findVarHandle(ReleaseMethods.class, "table", Resolved[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Resolved sites by id, copy-on-write; VarHandle {@link #TABLE}. */
    @SuppressWarnings("unused")
    private Resolved[] table = new Resolved[64];

    /**
     * Returns the site's invoker, resolving it on first use.
     *
     * @return the invoker, or null when the site cannot be deferred and must run inline
     */
    ReleaseInvoker invokerFor(int site, Class<?> declaringType) {
        Resolved[] current = (Resolved[]) TABLE.getAcquire(this);
        Resolved resolved = site < current.length ? current[site] : null;
        if (resolved == null) {
            resolved = resolveAndCache(site, declaringType);
        }
        return resolved.invoker;
    }

    /** Returns the invoker of a site already resolved by a retire. */
    ReleaseInvoker resolvedInvoker(int site) {
        return ((Resolved[]) TABLE.getAcquire(this))[site].invoker;
    }

    /** Returns the readable name of a site, for logs. */
    static String displayName(int site, Object receiver) {
        if (site == DEFER_SITE) {
            return "deferred " + receiver.getClass().getName();
        }
        return ReleaseSites.get(site).displayName();
    }

    private Resolved resolveAndCache(int site, Class<?> declaringType) {
        // Made outside the lock: defining a site's invoker class takes tens of microseconds, and
        // threads that first retire through different sites must not queue behind each other.
        MethodHandle handle = resolve(site, declaringType);
        return publish(site, new Resolved(handle == null ? null : SiteInvokers.of(handle)));
    }

    private synchronized Resolved publish(int site, Resolved made) {
        Resolved[] current = (Resolved[]) TABLE.get(this);
        if (site < current.length && current[site] != null) {
            return current[site];
        }
        if (site < current.length) {
            SLOTS.setRelease(current, site, made);
            return made;
        }
        // Grown by doubling and published by a release store; a site within the length is set
        // in place, so resolving many sites copies the table a logarithmic number of times.
        Resolved[] copy = Arrays.copyOf(current, Math.max(2 * current.length, site + 1));
        copy[site] = made;
        TABLE.setRelease(this, copy);
        return made;
    }

    private static MethodHandle resolve(int site, Class<?> declaringType) {
        ReleaseSite release = null;
        try {
            release = ReleaseSites.get(site);
            MethodType type =
                    MethodType.fromMethodDescriptorString(
                            release.descriptor(), declaringType.getClassLoader());
            MethodHandle method =
                    MethodHandles.privateLookupIn(declaringType, MethodHandles.lookup())
                            .findSpecial(declaringType, release.methodName(), type, declaringType);
            // Fixed arity: a varargs method's handle would otherwise collect its trailing array
            // argument into a new array when adapted to the invoker's Object parameters.
            if (type.parameterCount() == 0) {
                // Most release methods take nothing: no spreader, one adapter fewer per call.
                return MethodHandles.dropArguments(
                        method.asType(MethodType.methodType(void.class, Object.class)),
                        1,
                        Object[].class);
            }
            return method.asFixedArity()
                    .asSpreader(Object[].class, type.parameterCount())
                    .asType(INVOKER_TYPE);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            String name = release == null ? "site " + site : release.displayName();
            LOG.warn("Cannot defer release {}; its calls will run inline", name, e);
            return null;
        }
    }

    /** One site's resolution; a null invoker marks a site that runs inline. */
    private static final class Resolved {
        final ReleaseInvoker invoker;

        Resolved(ReleaseInvoker invoker) {
            this.invoker = invoker;
        }
    }
}
