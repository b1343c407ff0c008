/**
 * Reclaimer's public API: the annotations an application marks its release methods, main-loop
 * iterations and read sections with, and {@link dev.reclaimer.Reclaimer}, which states the
 * contract. Everything outside this package is internal and may change without notice.
 */
package dev.reclaimer;
