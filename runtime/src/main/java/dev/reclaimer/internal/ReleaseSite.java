package dev.reclaimer.internal;

/**
 * One rewritten release method, as the agent registered it.
 *
 * @param id the site's id
 * @param className the binary name of the declaring class
 * @param methodName the method's name
 * @param descriptor the method's descriptor
 */
public record ReleaseSite(int id, String className, String methodName, String descriptor) {

    /**
     * Returns the method as a user writes it in a selector: {@code com.example.Region#release}.
     *
     * @return the readable name
     */
    public String displayName() {
        return className + "#" + methodName;
    }
}
