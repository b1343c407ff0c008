package dev.reclaimer.internal;

import dev.reclaimer.ReadSection;
import dev.reclaimer.UseAfterReleaseException;

/**
 * The entry points that code injected by the agent calls. This class is the whole contract between
 * the agent and the runtime: its method names and descriptors are referenced from rewritten
 * application bytecode, so they change only together with the agent.
 *
 * <p>None of these methods throws into application code. An internal failure is reported once and
 * the call degrades to the behaviour without the agent (a release runs inline, a section is simply
 * not tracked). In a second copy of the runtime each hook forwards to the copy on the bootstrap
 * class path (see {@link BootstrapCopy}).
 */
public final class Hooks {

    private Hooks() {}

    /**
     * Called first thing in a release method without parameters.
     *
     * @param self the receiver of the release method
     * @param site the id {@link ReleaseSites#register} gave this method when it was rewritten
     * @param declaringType the class that declares the rewritten method
     * @return {@code true} when the call was retired and the body must be skipped, {@code false}
     *     when the body must run now (a nested call inside a running release of {@code self}, or
     *     the reclaimer cannot defer)
     */
    public static boolean retire(Object self, int site, Class<?> declaringType) {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.retire(self, site, declaringType);
        }
        return Engine.global().retire(self, null, site, declaringType);
    }

    /**
     * Called first thing in a release method with parameters; as {@link #retire(Object, int,
     * Class)} with the arguments kept for the deferred call.
     *
     * @param self the receiver of the release method
     * @param arguments the method's arguments, boxed, in declaration order
     * @param site the id {@link ReleaseSites#register} gave this method
     * @param declaringType the class that declares the rewritten method
     * @return {@code true} when the call was retired and the body must be skipped
     */
    public static boolean retireWithArguments(
            Object self, Object[] arguments, int site, Class<?> declaringType) {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.retireWithArguments(self, arguments, site, declaringType);
        }
        return Engine.global().retire(self, arguments, site, declaringType);
    }

    /**
     * Called on entry to a safepoint method: the thread becomes a reader.
     *
     * @return a token to hand to {@link #exitSafepoint(Object)}
     */
    public static Object enterSafepoint() {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.enterSafepoint();
        }
        return Engine.global().enterSafepoint();
    }

    /**
     * Called on every exit of a safepoint method, normal or exceptional: the thread leaves its
     * section and, at the outermost level, passes a quiescent state and drains within budget.
     *
     * @param token what {@link #enterSafepoint()} returned
     */
    public static void exitSafepoint(Object token) {
        if (BootstrapCopy.FORWARDING) {
            BootstrapCopy.exitSafepoint(token);
            return;
        }
        Engine.global().exitSafepoint(token);
    }

    /**
     * Called on entry to a read-side method.
     *
     * @return a token to hand to {@link #exitReadSide(Object)}
     */
    public static Object enterReadSide() {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.enterReadSide();
        }
        return Engine.global().enterReadSide();
    }

    /**
     * Called on every exit of a read-side method, normal or exceptional.
     *
     * @param token what {@link #enterReadSide()} returned
     */
    public static void exitReadSide(Object token) {
        if (BootstrapCopy.FORWARDING) {
            BootstrapCopy.exitReadSide(token);
            return;
        }
        Engine.global().exitReadSide(token);
    }

    /**
     * Called on entry to a safepoint method whose site the agent registered: as {@link
     * #enterSafepoint()}, and a stall report can name the method.
     *
     * @param sectionSite the id {@link SectionSites#register} gave the method, 0 when unknown
     * @return a token to hand to {@link #exitSafepoint(Object)}
     */
    public static Object enterSafepoint(int sectionSite) {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.enterSafepoint(sectionSite);
        }
        return Engine.global().enterSafepoint(sectionSite);
    }

    /**
     * Called on entry to a read-side method whose site the agent registered: as {@link
     * #enterReadSide()}, and a stall report can name the method.
     *
     * @param sectionSite the id {@link SectionSites#register} gave the method, 0 when unknown
     * @return a token to hand to {@link #exitReadSide(Object)}
     */
    public static Object enterReadSide(int sectionSite) {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.enterReadSide(sectionSite);
        }
        return Engine.global().enterReadSide(sectionSite);
    }

    /**
     * What a rewritten {@code Reclaimer.read()} call becomes: opens a read section exactly as
     * {@link dev.reclaimer.Reclaimer#read()} does, recording the call site for stall reports.
     *
     * @param sectionSite the id {@link SectionSites#register} gave the method holding the call
     * @return the open section, to be closed on this thread
     */
    public static ReadSection openSection(int sectionSite) {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.openSection(sectionSite);
        }
        return Engine.global().openSection(sectionSite);
    }

    /**
     * Called first thing in an instance method of a class with release methods when the
     * use-after-release detector is on.
     *
     * @param self the receiver of the method
     * @param className the binary name of the class declaring the method
     * @param methodName the method's name
     * @throws UseAfterReleaseException when {@code self}'s release has already run and no revive
     *     method was called on it since; no other exception ever leaves this method
     */
    public static void checkLive(Object self, String className, String methodName) {
        try {
            if (BootstrapCopy.FORWARDING) {
                BootstrapCopy.checkLive(self, className, methodName);
                return;
            }
            Engine.global().checkLive(self, className, methodName);
        } catch (UseAfterReleaseException e) {
            throw e;
        } catch (RuntimeException | Error e) { // NOPMD: the detector must never break the call
            LiveCheckFailure.report(e);
        }
    }

    /**
     * Called on entry to a pool's configured revive method when the detector is on: the object is
     * handed out again and is live from now on.
     *
     * @param self the object handed out again
     */
    public static void revive(Object self) {
        try {
            if (BootstrapCopy.FORWARDING) {
                BootstrapCopy.revive(self);
                return;
            }
            Engine.global().revive(self);
        } catch (RuntimeException | Error e) { // NOPMD: as above
            LiveCheckFailure.report(e);
        }
    }
}
