/**
 * Child-JVM tests of the agent in the environments applications run in: named modules, child-first
 * class loaders, copies of the runtime, late attach, other agents and libraries, a third-party main
 * loop.
 */
package dev.reclaimer.its.environments;
