package dev.reclaimer.benchmarks.jmh;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Item 1: the cost to the calling thread of handing one release over, against the alternatives. A
 * queue alternative gets its best fair use: one shared queue (that is the point of an MPSC queue),
 * a consumer thread that empties it every tick, and the release body run by that consumer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RetireBenchmark {

    /** Release objects cycled through per thread, so retires do not all hit one object. */
    private static final int RESOURCES = 1024;

    /** The producing thread's resources and its release counter. */
    @State(Scope.Thread)
    public static class Producer {
        final ReleaseCounter counter = new ReleaseCounter();
        final DeferredResource[] deferred = new DeferredResource[RESOURCES];
        final InlineResource[] inline = new InlineResource[RESOURCES];
        final Runnable[] cleanActions = new Runnable[RESOURCES];
        int next;

        /** Builds the resources once per trial. */
        @Setup(Level.Trial)
        public void create() {
            for (int i = 0; i < RESOURCES; i++) {
                deferred[i] = new DeferredResource(counter);
                inline[i] = new InlineResource(counter);
                cleanActions[i] = inline[i]::release;
            }
        }

        int nextIndex() {
            int index = next;
            next = (index + 1) & (RESOURCES - 1);
            return index;
        }
    }

    /** The shared queues, each with its consumer, and the shared cleaner. */
    @State(Scope.Benchmark)
    public static class Queues {
        final Object dequeLock = new Object();
        ArrayDeque<InlineResource> deque = new ArrayDeque<>();
        final ConcurrentLinkedQueue<InlineResource> linked = new ConcurrentLinkedQueue<>();
        final MpscArrayQueue<InlineResource> mpscArray = new MpscArrayQueue<>(1 << 20);
        final MpscUnboundedXaddArrayQueue<InlineResource> mpscXadd =
                new MpscUnboundedXaddArrayQueue<>(4096);
        final Cleaner cleaner = Cleaner.create();
        private QueueConsumer[] consumers;

        /** Starts one consumer per queue. */
        @Setup(Level.Trial)
        public void start() {
            consumers =
                    new QueueConsumer[] {
                        new QueueConsumer("deque-consumer", this::drainDeque),
                        new QueueConsumer("linked-consumer", () -> drainQueue(linked)),
                        new QueueConsumer("mpsc-array-consumer", () -> drainJctools(mpscArray)),
                        new QueueConsumer("mpsc-xadd-consumer", () -> drainJctools(mpscXadd)),
                    };
        }

        /** Stops the consumers, leaving every queue empty. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            for (QueueConsumer consumer : consumers) {
                consumer.stop();
            }
        }

        /** Swaps the deque for an empty one under the lock, then releases outside it. */
        private int drainDeque() {
            ArrayDeque<InlineResource> taken;
            synchronized (dequeLock) {
                taken = deque;
                deque = new ArrayDeque<>();
            }
            int size = taken.size();
            for (InlineResource resource : taken) {
                resource.release();
            }
            return size;
        }

        private static int drainQueue(Queue<InlineResource> queue) {
            int count = 0;
            for (InlineResource resource; (resource = queue.poll()) != null; count++) {
                resource.release();
            }
            return count;
        }

        private static int drainJctools(MessagePassingQueue<InlineResource> queue) {
            return queue.drain(InlineResource::release);
        }
    }

    /** Fails the run if the release method was not rewritten, instead of timing an inline call. */
    @State(Scope.Benchmark)
    public static class AgentCheck {
        /** Checks that deferred releases were counted as retires. */
        @TearDown(Level.Trial)
        public void requireRetires() {
            AgentChecks.requireRetired();
        }
    }

    /**
     * The rewritten release method: the call is retired to the thread's own queue.
     *
     * @param producer the thread's resources
     * @param check fails the trial without the agent
     */
    @Benchmark
    public void deferredRelease(Producer producer, AgentCheck check) {
        producer.deferred[producer.nextIndex()].release();
    }

    /**
     * The same body called inline: what the release costs without the agent.
     *
     * @param producer the thread's resources
     */
    @Benchmark
    public void inlineRelease(Producer producer) {
        producer.inline[producer.nextIndex()].release();
    }

    /**
     * An {@code ArrayDeque} behind a lock, the consumer swapping it out.
     *
     * @param producer the thread's resources
     * @param queues the shared queues
     */
    @Benchmark
    public void synchronizedArrayDeque(Producer producer, Queues queues) {
        InlineResource resource = producer.inline[producer.nextIndex()];
        synchronized (queues.dequeLock) {
            queues.deque.offer(resource);
        }
    }

    /**
     * A {@link ConcurrentLinkedQueue}, which allocates a node per offer.
     *
     * @param producer the thread's resources
     * @param queues the shared queues
     */
    @Benchmark
    public void concurrentLinkedQueue(Producer producer, Queues queues) {
        queues.linked.offer(producer.inline[producer.nextIndex()]);
    }

    /**
     * JCTools' bounded MPSC array queue, large enough never to fill between two consumer ticks.
     *
     * @param producer the thread's resources
     * @param queues the shared queues
     */
    @Benchmark
    public void mpscArrayQueue(Producer producer, Queues queues) {
        InlineResource resource = producer.inline[producer.nextIndex()];
        while (!queues.mpscArray.offer(resource)) {
            Thread.onSpinWait();
        }
    }

    /**
     * JCTools' unbounded MPSC queue of pooled chunks, producers claiming slots with one xadd.
     *
     * @param producer the thread's resources
     * @param queues the shared queues
     */
    @Benchmark
    public void mpscUnboundedXaddQueue(Producer producer, Queues queues) {
        queues.mpscXadd.offer(producer.inline[producer.nextIndex()]);
    }

    /**
     * {@code Cleaner.register} with an explicit {@code clean()}: the only way to release promptly
     * through a cleaner, and what it costs per object.
     *
     * @param producer the thread's resources
     * @param queues the shared cleaner
     */
    @Benchmark
    public void cleanerRegisterAndClean(Producer producer, Queues queues) {
        int index = producer.nextIndex();
        queues.cleaner.register(producer.inline[index], producer.cleanActions[index]).clean();
    }
}
