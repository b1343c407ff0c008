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

    private AgentLauncher() {}

    /**
     * Called by the JVM before {@code main} for {@code -javaagent:reclaimer-agent.jar[=args]}.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        launch(arguments, instrumentation);
    }

    /**
     * Called by the JVM when the agent is attached to a running JVM.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        launch(arguments, instrumentation);
    }

    private static void launch(String arguments, Instrumentation instrumentation) {
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
                    .getMethod("install", String.class, Instrumentation.class, String.class)
                    .invoke(null, arguments, instrumentation, version);
        } catch (Throwable e) { // NOPMD: the application must start whatever went wrong here
            System.err.println(
                    "[reclaimer] WARN agent failed to start and is disabled; the application runs"
                            + " without it: "
                            + e);
        }
    }
}
