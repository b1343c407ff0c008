package dev.reclaimer.agent.transform;

/**
 * What a rewritten method becomes; the first three roles have an annotation and a selector key, the
 * detector's roles exist only while it is on.
 */
enum Role {
    /** A call retires the receiver; the body runs later. */
    RELEASE("dev.reclaimer.DeferredRelease", "reclaimer.release-methods"),
    /** The method runs one main-loop iteration; its exits are quiescent states. */
    SAFEPOINT("dev.reclaimer.Safepoint", "reclaimer.safepoints"),
    /** The method's body is a read section. */
    READ_SIDE("dev.reclaimer.ReadSide", "reclaimer.read-sections"),
    /** With the detector on: a call makes the receiver live again (a pool hands it out). */
    REVIVE(null, "reclaimer.debug.revive-methods"),
    /**
     * With the detector on: an instance method of a class with release methods, which first checks
     * that its receiver was not released. Never given by an annotation or a selector.
     */
    LIVE_CHECK(null, "reclaimer.debug.detect-use-after-release");

    /** The annotation's binary name, matched by name so it is never loaded; null for none. */
    final String annotationName;

    /** The configuration key whose selectors give this role. */
    final String selectorKey;

    Role(String annotationName, String selectorKey) {
        this.annotationName = annotationName;
        this.selectorKey = selectorKey;
    }
}
