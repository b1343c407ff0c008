package dev.reclaimer.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.reclaimer.agent.launcher.AgentLauncher;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;

/**
 * {@code attach PID [key=value,...]}: loads this agent jar into a running JVM through the attach
 * API, which calls the agent's {@code agentmain} there; the agent then retransforms the classes
 * already loaded. The options are the agent arguments, as after {@code -javaagent:...=}.
 *
 * <p>A JVM may refuse: it was started with {@code -XX:+DisableAttachMechanism}, or, from JDK 21 on,
 * with {@code -XX:-EnableDynamicAgentLoading}; or the agent refused to start there (its reason is
 * in that JVM's output). Each case gets one message naming the cause and the remedy, and status 1.
 */
final class AttachCommand {

    private static final String REMEDY =
            "start it with -javaagent:reclaimer-agent.jar instead, or allow dynamic agents"
                    + " (-XX:+EnableDynamicAgentLoading, no -XX:+DisableAttachMechanism)";

    private AttachCommand() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code attach}, the process id, and optionally the agent arguments
     * @param out where progress and errors go
     * @return 0 when the agent was loaded, 1 when the target refused, 2 for a usage error
     */
    static int run(String[] arguments, PrintStream out) {
        if (arguments.length < 2 || arguments.length > 3 || !arguments[1].matches("\\d+")) {
            out.println("usage: java -jar reclaimer-agent.jar attach PID [key=value,...]");
            return 2;
        }
        String pid = arguments[1];
        String options = arguments.length == 3 ? arguments[2] : null;
        try {
            String refusal = load(pid, agentJar(), options);
            if (refusal == null) {
                out.println("reclaimer-agent attached to JVM " + pid);
                return 0;
            }
            out.println("the agent refused to start in JVM " + pid + ": " + refusal);
        } catch (AttachNotSupportedException e) {
            out.println("cannot attach to JVM " + pid + " (" + e.getMessage() + "); " + REMEDY);
        } catch (IOException e) {
            out.println(
                    "lost contact with JVM "
                            + pid
                            + " while loading the agent ("
                            + e.getMessage()
                            + "); it may have exited: see its output");
        } catch (AgentLoadException e) {
            out.println(
                    "JVM "
                            + pid
                            + " refused to load the agent ("
                            + e.getMessage()
                            + "); "
                            + REMEDY);
        } catch (AgentInitializationException e) {
            out.println(
                    "the agent refused to start in JVM "
                            + pid
                            + "; its reason is in that JVM's output");
        } catch (URISyntaxException e) {
            out.println("cannot locate the agent jar: " + e.getMessage());
        }
        return 1;
    }

    /** Loads the agent; returns the agent's reason when it refused to start there, else null. */
    private static String load(String pid, String agentJar, String options)
            throws AttachNotSupportedException,
                    IOException,
                    AgentLoadException,
                    AgentInitializationException {
        VirtualMachine machine;
        try {
            machine = VirtualMachine.attach(pid);
        } catch (IOException e) {
            // No JVM answered at all (no such process, or not a JVM): a failure to attach, unlike
            // an I/O failure once attached, which means the target went away meanwhile.
            throw new AttachNotSupportedException(e.getMessage());
        }
        try {
            machine.loadAgent(agentJar, options);
            return machine.getSystemProperties().getProperty(AgentLauncher.ATTACH_REFUSAL_PROPERTY);
        } finally {
            machine.detach();
        }
    }

    private static String agentJar() throws URISyntaxException {
        return new File(
                        AttachCommand.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                .getAbsolutePath();
    }
}
