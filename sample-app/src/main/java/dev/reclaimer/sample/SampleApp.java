package dev.reclaimer.sample;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the address-space dispatcher and prints what it measured. Run it with {@code --help} for the
 * options. Exits with 0 after a run, whatever it measured; 1 if a loop crashed; 2 for a bad command
 * line.
 */
public final class SampleApp {

    private static final Logger LOG = LoggerFactory.getLogger(SampleApp.class);

    private SampleApp() {}

    /**
     * The entry point.
     *
     * @param args options of the form {@code --name=value}
     * @throws InterruptedException if the main thread is interrupted while the machine runs
     */
    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("reclaimer-sample-app: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        LOG.info(
                "Running the address-space dispatcher: sync={}, {} vCPUs, {} regions, for {}",
                options.sync(),
                options.vcpus(),
                options.regions(),
                options.duration());
        Result result = new Simulation(options).run();
        System.out.print(Report.text(result));
        System.out.println(Report.resultLine(result));
        if (result.failedLoops() > 0) {
            System.exit(1);
        }
    }
}
