package dev.reclaimer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose whole body is a read section, exactly as if it were wrapped in {@code try
 * (var section = Reclaimer.read()) { ... }}. Without the agent the annotation is inert.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadSide {}
