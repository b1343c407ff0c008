package dev.reclaimer.sample.machine;

/**
 * A virtual CPU: its thread calls {@link #runIteration()} in a loop, each iteration dispatching a
 * batch of memory-mapped reads and writes, as a vCPU runs guest code between two exits. The
 * iteration method is the loop's safepoint: between two calls the thread holds no view.
 */
public class Vcpu {

    private final Dispatcher dispatcher;
    private final int batch;

    /**
     * Creates a vCPU.
     *
     * @param space the address space it accesses
     * @param guard the locks around each access, if any
     * @param linger its pause between lookup and access
     * @param batch accesses per iteration
     * @param seed the seed of its address sequence
     */
    public Vcpu(AddressSpace space, Guard guard, Linger linger, int batch, long seed) {
        this.dispatcher = new Dispatcher(space, guard, linger, seed, true);
        this.batch = batch;
    }

    /** Runs one iteration of the vCPU's main loop: a batch of accesses. */
    public void runIteration() {
        dispatcher.dispatchBatch(batch);
    }
}
