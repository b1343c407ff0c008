package dev.reclaimer.sample;

import dev.reclaimer.Reclaimer;
import dev.reclaimer.sample.machine.AddressSpace;
import dev.reclaimer.sample.machine.Controller;
import dev.reclaimer.sample.machine.Guard;
import dev.reclaimer.sample.machine.Inspector;
import dev.reclaimer.sample.machine.Linger;
import dev.reclaimer.sample.machine.Parts;
import dev.reclaimer.sample.machine.Vcpu;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the machine: builds it, runs its loops for the configured time, stops them, retires
 * what is left, waits for every release, and measures.
 *
 * <p>Protocol. The main thread populates the address space before it starts the loop threads
 * (thread start orders the two), then sleeps, stops every loop and joins them all. Only after the
 * joins does it tear down and read the counters: the joins make every loop's writes visible, and
 * with no loop left no reader can hold the last view, so retiring it then is safe in every mode.
 * {@link Reclaimer#barrier()} is called outside any read section, as it must be; without the agent
 * nothing is pending and it returns at once. The reclaimer's MBean is read after the barrier and
 * after the application's own counters, so both describe the same finished run.
 */
final class Simulation {

    private final Options options;
    private final AddressSpace space;
    private final Guard guard;

    Simulation(Options options) {
        this.options = options;
        this.space = new AddressSpace(2 * options.regions(), options.regionBytes());
        this.guard = options.sync().newGuard();
    }

    Result run() throws InterruptedException {
        Controller controller = newController();
        controller.populate(options.regions());
        List<LoopThread> loops = newLoops(controller);

        long start = System.nanoTime();
        loops.forEach(LoopThread::start);
        Thread.sleep(options.duration().toMillis());
        loops.forEach(LoopThread::stop);
        int failedLoops = awaitAll(loops);
        long elapsed = System.nanoTime() - start;
        long longestWaitRunning = space.metrics().longestWaitNanos();

        // Every loop has ended: no reader is left, so this retires the last view and its regions.
        controller.teardown();
        Reclaimer.barrier();
        Result result =
                Result.of(
                        options,
                        space,
                        elapsed,
                        failedLoops,
                        longestWaitRunning,
                        Reclaimer.stats());
        // Read last, when nothing retires any more, so the MBean must agree with the counts above.
        return result.withMBean(MBeanFigures.readPlatform());
    }

    private Controller newController() {
        int fewest = Math.max(1, options.regions() / 2);
        if (options.plainClasses()) {
            return new Controller(space, Parts.PLAIN, guard, fewest, options.seed());
        }
        return new Marked.Control(space, guard, fewest, options.seed());
    }

    private List<LoopThread> newLoops(Controller controller) {
        List<LoopThread> loops = new ArrayList<>();
        for (int i = 0; i < options.vcpus(); i++) {
            long seed = options.seed() + 1 + i;
            loops.add(new LoopThread("vcpu-" + i, () -> newVcpu(seed)::runIteration, 0));
        }
        long inspectorSeed = options.seed() - 1;
        loops.add(new LoopThread("inspector", () -> newInspector(inspectorSeed)::inspectOnce, 0));
        loops.add(
                new LoopThread(
                        "control", () -> controller::runIteration, options.eventPeriodNanos()));
        return loops;
    }

    private Vcpu newVcpu(long seed) {
        Linger linger = Linger.spinning(options.lingerEvery(), options.linger());
        if (options.plainClasses()) {
            return new Vcpu(space, guard, linger, options.batch(), seed);
        }
        return new Marked.Cpu(space, guard, linger, options.batch(), seed);
    }

    private Inspector newInspector(long seed) {
        Linger linger = Linger.parking(options.lingerEvery(), options.linger());
        if (options.plainClasses()) {
            return new Inspector(space, guard, linger, options.batch(), seed);
        }
        return new Marked.Monitor(space, guard, linger, options.batch(), seed);
    }

    private static int awaitAll(List<LoopThread> loops) throws InterruptedException {
        int failed = 0;
        for (LoopThread loop : loops) {
            if (loop.awaitEnd() != null) {
                failed++;
            }
        }
        return failed;
    }
}
