package dev.reclaimer.agent.transform;

/** What a rewritten method becomes; each role has its annotation and its selector key. */
enum Role {
    /** A call retires the receiver; the body runs later. */
    RELEASE("dev.reclaimer.DeferredRelease", "reclaimer.release-methods"),
    /** The method runs one main-loop iteration; its exits are quiescent states. */
    SAFEPOINT("dev.reclaimer.Safepoint", "reclaimer.safepoints"),
    /** The method's body is a read section. */
    READ_SIDE("dev.reclaimer.ReadSide", "reclaimer.read-sections");

    /** The annotation's binary name, matched by name so it is never loaded. */
    final String annotationName;

    /** The configuration key whose selectors give this role. */
    final String selectorKey;

    Role(String annotationName, String selectorKey) {
        this.annotationName = annotationName;
        this.selectorKey = selectorKey;
    }
}
