package dev.reclaimer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs one iteration of a main loop. While it runs, the calling thread is a
 * reader; when it returns, normally or by an exception, the thread passes a quiescent state and
 * runs the releases whose grace period has ended, within the configured per-safepoint budget.
 * Between two calls the thread is not a reader at all, so a loop that blocks between iterations
 * never holds up a grace period.
 *
 * <p>Without the agent the annotation is inert.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Safepoint {}
