/**
 * The reclaimer's Java Flight Recorder events: grace periods, drains, stalled readers and failed
 * releases, under the {@code Reclaimer} category, so {@code jcmd PID JFR.start} records them.
 *
 * <p>The engine calls only {@link dev.reclaimer.internal.jfr.FlightEvents}, which touches {@code
 * jdk.jfr} through a second class loaded on first use. While Flight Recorder has not been
 * initialised in the JVM, an emission is one static load and no allocation; once it has, each event
 * type's enablement is checked before an event object is created. In a JVM without the {@code
 * jdk.jfr} module the first emission fails to link, is logged at debug level, and every later one
 * returns at once.
 */
package dev.reclaimer.internal.jfr;
