/**
 * Compatibility tests: the agent's transformation over a corpus of large third-party jars, language
 * features compiled for real and run in child JVMs with the agent, and start-up under concurrent
 * class loading.
 */
package dev.reclaimer.its.compat;
