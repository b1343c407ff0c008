package dev.reclaimer.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A drain pass that ran at least one release. */
@Name("dev.reclaimer.Drain")
@Label("Drain")
@Category("Reclaimer")
@Description("A drain pass that ran deferred releases")
@StackTrace(false)
final class DrainEvent extends jdk.jfr.Event {

    @Label("Place")
    @Description("safepoint, background, shutdown or wait")
    String place;

    @Label("Releases")
    @Description("Release bodies run by this pass")
    int releases;

    @Label("Drain Duration")
    @Timespan(Timespan.NANOSECONDS)
    long drainDuration;
}
