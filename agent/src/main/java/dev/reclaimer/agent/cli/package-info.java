/** The agent jar's command line ({@code java -jar reclaimer-agent.jar --version}). */
package dev.reclaimer.agent.cli;
