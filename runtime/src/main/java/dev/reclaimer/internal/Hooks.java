package dev.reclaimer.internal;

/**
 * The entry points that code injected by the agent calls. This class is the whole contract between
 * the agent and the runtime: its method names and descriptors are referenced from rewritten
 * application bytecode, so they change only together with the agent.
 *
 * <p>None of these methods throws into application code. An internal failure is reported once and
 * the call degrades to the behaviour without the agent (a release runs inline, a section is simply
 * not tracked).
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
        return Engine.global().retire(self, arguments, site, declaringType);
    }

    /**
     * Called on entry to a safepoint method: the thread becomes a reader.
     *
     * @return a token to hand to {@link #exitSafepoint(Object)}
     */
    public static Object enterSafepoint() {
        return Engine.global().enterSafepoint();
    }

    /**
     * Called on every exit of a safepoint method, normal or exceptional: the thread leaves its
     * section and, at the outermost level, passes a quiescent state and drains within budget.
     *
     * @param token what {@link #enterSafepoint()} returned
     */
    public static void exitSafepoint(Object token) {
        Engine.global().exitSafepoint(token);
    }

    /**
     * Called on entry to a read-side method.
     *
     * @return a token to hand to {@link #exitReadSide(Object)}
     */
    public static Object enterReadSide() {
        return Engine.global().enterReadSide();
    }

    /**
     * Called on every exit of a read-side method, normal or exceptional.
     *
     * @param token what {@link #enterReadSide()} returned
     */
    public static void exitReadSide(Object token) {
        Engine.global().exitReadSide(token);
    }
}
