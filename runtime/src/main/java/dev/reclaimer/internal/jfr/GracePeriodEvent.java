package dev.reclaimer.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A grace period completed: every reader that was open when it began has left its section. */
@Name("dev.reclaimer.GracePeriod")
@Label("Grace Period")
@Category("Reclaimer")
@Description("A grace period completed")
@StackTrace(false)
final class GracePeriodEvent extends jdk.jfr.Event {

    @Label("Grace Period Duration")
    @Description("From the start of the grace period to its end")
    @Timespan(Timespan.NANOSECONDS)
    long gracePeriodDuration;
}
