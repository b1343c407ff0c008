/**
 * The agent's entry point, loaded by the system class loader and kept free of references to the
 * rest of the agent, which it starts from the bootstrap class loader.
 */
package dev.reclaimer.agent.launcher;
