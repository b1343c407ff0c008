package dev.reclaimer.agent.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of the agent jar: {@code java -jar reclaimer-agent.jar <command>}. Each command
 * is one entry in a table, so adding one is one line and one method.
 */
public final class Main {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("check", CheckCommand::run);
        COMMANDS.put("attach", AttachCommand::run);
        COMMANDS.put("--version", Main::printVersion);
        COMMANDS.put("--help", Main::printUsage);
    }

    /** One command: writes its output, returns the process's exit status. */
    @FunctionalInterface
    interface Command {
        int run(String[] arguments, PrintStream out);
    }

    private Main() {}

    /**
     * Runs the command named by the first argument.
     *
     * @param arguments the command and its arguments
     */
    public static void main(String[] arguments) {
        int status = run(arguments, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs a command, for {@link #main} and for tests.
     *
     * @param arguments the command and its arguments
     * @param out where the command writes
     * @param err where errors go
     * @return the exit status
     */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length == 0) {
            printUsage(arguments, err);
            return 2;
        }
        Command command = COMMANDS.get(arguments[0]);
        if (command == null) {
            err.println("unknown command: " + arguments[0]);
            printUsage(arguments, err);
            return 2;
        }
        return command.run(arguments, out);
    }

    /**
     * Returns the agent's version from the jar's manifest.
     *
     * @return the version, or {@code unknown} outside the jar
     */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    private static int printVersion(String[] arguments, PrintStream out) {
        out.println("reclaimer-agent " + version());
        return 0;
    }

    private static int printUsage(String[] arguments, PrintStream out) {
        out.println("usage: java -jar reclaimer-agent.jar <command>");
        out.println(
                "  check CONFIG [CLASSPATH]     check a configuration file and what it changes");
        out.println("  attach PID [key=value,...]   load the agent into a running JVM");
        out.println("  --version   print the agent's version");
        out.println("  --help      print this help");
        out.println("as an agent:  java -javaagent:reclaimer-agent.jar[=key=value,...] ...");
        out.println(
                "  keys as in the configuration file, with or without the 'reclaimer.' prefix;");
        out.println("  config=PATH names the file; list items are separated by ';'");
        return 0;
    }
}
