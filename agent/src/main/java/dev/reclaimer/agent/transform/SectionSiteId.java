package dev.reclaimer.agent.transform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the id of the rewritten safepoint or read-side method,
 * registered with the runtime's section sites while the method is rewritten (see {@link
 * SiteIdMapping}), so a stall report can name the section.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface SectionSiteId {}
