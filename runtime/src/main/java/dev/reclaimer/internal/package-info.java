/**
 * The engine behind {@link dev.reclaimer.Reclaimer}: per-thread retire queues, grace-period
 * tracking, drains, the background drainer, shutdown and the entry points the agent injects ({@link
 * dev.reclaimer.internal.Hooks}). Nothing here is API.
 *
 * <h2>Reading the concurrent code</h2>
 *
 * Each concurrent class starts with a protocol comment: its roles, its states, every ordering with
 * the failure it prevents, and the races it accepts as harmless. The safety argument (why no
 * release starts while a reader that could see the object is inside its section) is in {@link
 * dev.reclaimer.internal.GracePeriods}.
 *
 * <p>Shared fields are accessed through a {@link java.lang.invoke.VarHandle} declared next to the
 * field, named after it in upper case. Accessor methods carry the access mode in their names, so
 * each call site says what it orders:
 *
 * <ul>
 *   <li>{@code ...Volatile}: sequentially consistent; used where a store must be ordered before a
 *       later load (a reader's announcement, the epoch a retire is tagged with).
 *   <li>{@code ...Release} (stores) and {@code ...Acquire} (loads): publication; everything before
 *       the release store is visible after the acquire load that reads it.
 *   <li>{@code ...Opaque}: a single coherent value without ordering, for hints whose loss is
 *       tolerated and documented.
 *   <li>no suffix: plain, for fields one thread owns or a lock or a claim guards.
 * </ul>
 */
package dev.reclaimer.internal;
