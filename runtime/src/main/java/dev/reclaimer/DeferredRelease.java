package dev.reclaimer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance method returning {@code void} as a release method: with the Reclaimer agent
 * attached, a call to it returns at once and its body runs later, once per call, after a grace
 * period has passed. See {@link Reclaimer} for the full contract.
 *
 * <p>On an interface or abstract method the annotation applies to every implementation. Without the
 * agent the annotation is inert and the body runs inline, as written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DeferredRelease {}
