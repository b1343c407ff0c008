/**
 * The agent's configuration: the keys, their four sources and precedence, the file syntax with line
 * numbers, method selectors and class patterns, and the messages that name the file, line and key
 * of every problem.
 */
package dev.reclaimer.agent.config;
