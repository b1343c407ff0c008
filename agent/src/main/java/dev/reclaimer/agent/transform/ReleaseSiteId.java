package dev.reclaimer.agent.transform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the id of the rewritten release method, registered with
 * the runtime while the method is rewritten (see {@link SiteIdMapping}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface ReleaseSiteId {}
