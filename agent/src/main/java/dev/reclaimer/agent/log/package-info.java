/**
 * The agent's logging: an SLF4J provider for the agent's own relocated SLF4J that writes {@code
 * [reclaimer] LEVEL message} lines to standard error, or forwards them to the application's SLF4J
 * when configured to.
 */
package dev.reclaimer.agent.log;
