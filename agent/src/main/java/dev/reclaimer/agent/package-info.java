/**
 * The agent's start: configuration, logging, the runtime's settings and the transformation, wired
 * once per JVM by {@link dev.reclaimer.agent.AgentInstaller}.
 */
package dev.reclaimer.agent;
