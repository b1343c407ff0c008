/**
 * The JMH benchmarks. Every fork runs with the built agent jar attached (the suite passes it in),
 * so a {@code @DeferredRelease}, {@code @ReadSide} or {@code @Safepoint} method here is rewritten
 * exactly as in a user's application. Each figure has a twin without the annotation, or the
 * alternative a user would pick instead, measured in the same run.
 */
package dev.reclaimer.benchmarks.jmh;
