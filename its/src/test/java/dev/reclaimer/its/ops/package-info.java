/**
 * Child-JVM tests of operating the agent: stall reports that name the reader and its section, the
 * use-after-release detector on a broken program and on the sample, and the configuration checker
 * run from the built agent jar. The small applications the children run live here too.
 */
package dev.reclaimer.its.ops;
