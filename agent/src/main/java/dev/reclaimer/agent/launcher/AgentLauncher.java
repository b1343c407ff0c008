package dev.reclaimer.agent.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}). It is loaded by the
 * system class loader, like any agent class; its only job is to put the agent jar on the bootstrap
 * class loader's search path and start the real installer from there, so that the runtime and the
 * agent are defined once, by the bootstrap loader, and every class loader that delegates to its
 * parent (application loaders do so first) shares the one reclaimer, even when the application has
 * the runtime jar on its own class path.
 *
 * <p>Class-loading trap: this class must not refer to any other class of the agent or the runtime,
 * or the system class loader would define a second copy of it. The installer is therefore named by
 * a string and called reflectively.
 */
public final class AgentLauncher {

    private static final String INSTALLER = "dev.reclaimer.agent.AgentInstaller";

    private static final String RUNTIME_ENGINE_PACKAGE = "dev.reclaimer.internal.";

    /**
     * Set in the target JVM when {@code agentmain} refuses, to the reason; the {@code attach}
     * command reads it through the attach API. Outside the {@code reclaimer.} prefix, which the
     * configuration owns. Refusing by throwing instead would make the JVM print a stack trace and
     * assertion lines into the application's output.
     */
    public static final String ATTACH_REFUSAL_PROPERTY = "dev.reclaimer.agent.attach-refused";

    private AgentLauncher() {}

    /**
     * Called by the JVM before {@code main} for {@code -javaagent:reclaimer-agent.jar[=args]}.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        launch(arguments, instrumentation, true);
    }

    /**
     * Called by the JVM when the agent is attached to a running JVM.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        System.clearProperty(ATTACH_REFUSAL_PROPERTY);
        String copy = runtimeCopyInUse(instrumentation);
        if (copy != null) {
            String reason =
                    "agent not attached: the application already runs its own copy of the"
                            + " Reclaimer runtime ("
                            + copy
                            + "), and two reclaimers in one JVM would not see each other's"
                            + " readers; start the JVM with -javaagent instead";
            System.err.println("[reclaimer] WARN " + reason);
            System.setProperty(ATTACH_REFUSAL_PROPERTY, reason);
            return;
        }
        launch(arguments, instrumentation, false);
    }

    /**
     * Names a runtime class that a class loader other than the bootstrap loader defined before the
     * attach, or returns null. Such a copy was initialised without the agent's copy to forward to
     * (see {@code BootstrapCopy}), so it keeps an engine of its own; attaching then would make a
     * second one. Only the engine's package counts: the API classes alone, loaded but never called,
     * still find the agent's copy on first use. Classes are compared by name, for the trap above.
     */
    private static String runtimeCopyInUse(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().startsWith(RUNTIME_ENGINE_PACKAGE)
                    && type.getClassLoader() != null) {
                return type.getName() + " in " + type.getClassLoader();
            }
        }
        return null;
    }

    private static void launch(
            String arguments, Instrumentation instrumentation, boolean atStartup) {
        try {
            File location =
                    new File(
                            AgentLauncher.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            JarFile jar = new JarFile(location);
            String version =
                    jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            instrumentation.appendToBootstrapClassLoaderSearch(jar);
            Class.forName(INSTALLER, true, null)
                    .getMethod(
                            "install",
                            String.class,
                            Instrumentation.class,
                            String.class,
                            boolean.class)
                    .invoke(null, arguments, instrumentation, version, atStartup);
        } catch (Throwable e) { // NOPMD: the application must start whatever went wrong here
            System.err.println(
                    "[reclaimer] WARN agent failed to start and is disabled; the application runs"
                            + " without it: "
                            + e);
        }
    }
}
