/**
 * The engine behind {@link dev.reclaimer.Reclaimer}: per-thread retire queues, grace-period
 * tracking, drains, the background drainer, shutdown and the entry points the agent injects ({@link
 * dev.reclaimer.internal.Hooks}). Nothing here is API.
 */
package dev.reclaimer.internal;
