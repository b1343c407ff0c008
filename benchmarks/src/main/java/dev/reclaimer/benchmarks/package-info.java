/**
 * The benchmark suite's runner: it finds the built agent and sample jars, runs the JMH benchmarks
 * with the agent on every fork, times whole child JVMs (the sample's throughput by mode, start-up,
 * and class loading of large third-party jars), and writes the results with a table of ratios
 * against each target.
 */
package dev.reclaimer.benchmarks;
