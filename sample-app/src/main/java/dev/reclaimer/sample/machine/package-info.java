/**
 * A model of a virtual machine's address-space dispatcher: device regions backed by pooled direct
 * buffers, an immutable flattened view looked up without locks, vCPUs that dispatch memory-mapped
 * accesses through it and a controller that hot-plugs and remaps regions.
 *
 * <p>Nothing in this package refers to Reclaimer. It stands for code an application does not own:
 * its release methods ({@link dev.reclaimer.sample.machine.PooledResource#release()}), loop
 * iterations ({@link dev.reclaimer.sample.machine.Vcpu#runIteration()}, {@link
 * dev.reclaimer.sample.machine.Controller#runIteration()}) and read section ({@link
 * dev.reclaimer.sample.machine.Inspector#inspectOnce()}) can be named in an agent configuration
 * file, or overridden by subclasses that carry the annotations.
 *
 * <p>Every buffer carries, in its first eight bytes, the identity of its current owner. An accessor
 * that finds a different identity there has used a buffer after it was released: the model counts
 * these instead of crashing, as a native program would, so the hazard is measurable.
 */
package dev.reclaimer.sample.machine;
