package dev.reclaimer.agent.cli;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigException;
import dev.reclaimer.agent.config.ConfigLoader;
import dev.reclaimer.agent.config.DebugOptions;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check CONFIG [CLASSPATH]}: checks a configuration file before a deploy. Every problem in
 * the file is listed with its file, line and key, not only the first. Given a class path (jars and
 * folders, separated by the platform's path separator), it also lists what the agent would do
 * there: per annotation and per selector, the methods it would change, with their role, and those
 * it would refuse, with the reason; and the selectors that match nothing. Classes are read as class
 * files only: none is loaded, initialised or run, and the application is not started.
 *
 * <p>Exit status 0 when the file has no problem and every class path entry exists, 1 otherwise, 2
 * for a usage error. Selectors that match nothing and refused methods are reported as warnings and
 * do not change the status: a file may serve several applications.
 */
final class CheckCommand {

    private static final String USAGE =
            "usage: java -jar reclaimer-agent.jar check CONFIG [CLASSPATH]";

    private CheckCommand() {}

    /**
     * Runs the command.
     *
     * @param arguments {@code check}, the configuration file, and optionally a class path
     * @param out where the report goes
     * @return 0 when clean, 1 when there are errors, 2 for a usage error
     */
    static int run(String[] arguments, PrintStream out) {
        if (arguments.length < 2 || arguments.length > 3 || arguments[1].isBlank()) {
            out.println(USAGE);
            return 2;
        }
        Path file = Path.of(arguments[1]);
        out.println("configuration " + file);
        ConfigLoader.Checked checked = ConfigLoader.checkFile(file);
        int errors = checked.problems().size();
        for (ConfigException problem : checked.problems()) {
            out.println("error: " + problem.getMessage());
        }
        if (checked.config() != null) {
            warnIgnoredReviveMethods(checked.config(), out);
        }
        if (checked.config() != null && arguments.length == 3) {
            List<Path> entries = classPath(arguments[2]);
            errors += missingEntries(entries, out);
            errors += new ClassPathReport(checked.config(), out).write(existing(entries));
        }
        out.println(errors == 0 ? "result: clean" : "result: " + errors + " error(s)");
        return errors == 0 ? 0 : 1;
    }

    private static void warnIgnoredReviveMethods(AgentConfig config, PrintStream out) {
        DebugOptions debug = config.debug();
        if (!debug.detectUseAfterRelease() && !debug.reviveMethods().isEmpty()) {
            out.println(
                    "warning: reclaimer.debug.revive-methods has no effect while"
                            + " reclaimer.debug.detect-use-after-release is off");
        }
    }

    private static List<Path> classPath(String text) {
        List<Path> entries = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator, -1)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    private static int missingEntries(List<Path> entries, PrintStream out) {
        int missing = 0;
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                out.println("error: class path entry " + entry + " does not exist");
                missing++;
            }
        }
        return missing;
    }

    private static List<Path> existing(List<Path> entries) {
        List<Path> existing = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.exists(entry)) {
                existing.add(entry);
            }
        }
        return existing;
    }
}
