package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;

/**
 * The cheap first look at every class the JVM defines, before the bytecode library sees it: a class
 * goes on to the full planner only if the agent may transform it by name and a method of it may
 * have a role (see {@link RoleCarriers}). Most classes of a large application stop here after one
 * pass over their constant pool.
 *
 * <h2>Protocol</h2>
 *
 * Called by class-loading threads, any number. Reading a supertype's class file may load JDK
 * classes on the same thread, which re-enters the transformer; a per-thread flag makes such nested
 * calls pass their class through untouched, so the first look never recurses into itself. The JDK's
 * classes are not rewritten by default anyway, so the flag costs nothing in practice.
 */
final class Prefilter {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private final ClassFilter filter;
    private final RoleCarriers carriers;

    Prefilter(AgentConfig config) {
        this.filter = new ClassFilter(config);
        this.carriers = new RoleCarriers(config);
    }

    /**
     * Returns whether a class may need rewriting and must be described in full.
     *
     * @param loader the defining loader, {@code null} for the bootstrap loader
     * @param internalName the class's internal name, or {@code null} when the JVM gives none
     * @param bytes the class file
     * @return {@code false} when the agent leaves the class unchanged for certain
     */
    boolean admits(ClassLoader loader, String internalName, byte[] bytes) {
        if (internalName != null && !filter.mayTransform(internalName.replace('/', '.'))) {
            return false;
        }
        if (ACTIVE.get() != null) {
            return false;
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            return admitsByContent(loader, internalName, bytes);
        } finally {
            ACTIVE.remove();
        }
    }

    private boolean admitsByContent(ClassLoader loader, String internalName, byte[] bytes) {
        ClassFileSummary summary = ClassFileSummary.read(bytes);
        if (summary == null) {
            return true; // not a format this reader knows: the full planner decides and reports
        }
        boolean namedAsGiven = summary.name().equals(internalName);
        return (namedAsGiven || filter.mayTransform(summary.name().replace('/', '.')))
                && carriers.mayCarryRoles(loader, summary);
    }
}
