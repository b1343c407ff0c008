/**
 * The sample application: an address-space dispatcher run by vCPU threads, an inspector thread and
 * a control loop, protected by Reclaimer or, for comparison, by a lock. See {@link
 * dev.reclaimer.sample.SampleApp} for the command line.
 */
package dev.reclaimer.sample;
