package dev.reclaimer.sample.machine;

/**
 * A monitoring thread outside any main loop, such as a debugger stub reading device registers. Each
 * {@link #inspectOnce()} reads a batch of registers; that method is its read section.
 */
public class Inspector {

    private final Dispatcher dispatcher;
    private final int batch;

    /**
     * Creates an inspector.
     *
     * @param space the address space it reads
     * @param guard the locks around each read, if any
     * @param linger its pause between lookup and read
     * @param batch reads per call
     * @param seed the seed of its address sequence
     */
    public Inspector(AddressSpace space, Guard guard, Linger linger, int batch, long seed) {
        this.dispatcher = new Dispatcher(space, guard, linger, seed, false);
        this.batch = batch;
    }

    /** Reads one batch of registers. */
    public void inspectOnce() {
        dispatcher.dispatchBatch(batch);
    }
}
