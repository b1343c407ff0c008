package dev.reclaimer.internal;

/**
 * One read section the agent rewrote: a safepoint or read-side method, or a {@code
 * Reclaimer.read()} call site, named by the method that contains it.
 *
 * @param id the site's id
 * @param className the binary name of the declaring class
 * @param methodName the method's name
 * @param descriptor the method's descriptor
 */
public record SectionSite(int id, String className, String methodName, String descriptor) {

    /**
     * Returns the method as a user writes it in a selector: {@code com.example.Loop#iterate}.
     *
     * @return the readable name
     */
    public String displayName() {
        return className + "#" + methodName;
    }
}
