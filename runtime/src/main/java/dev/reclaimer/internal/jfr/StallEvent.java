package dev.reclaimer.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A reader held up grace periods longer than the stall timeout; recorded at each report. */
@Name("dev.reclaimer.Stall")
@Label("Stalled Reader")
@Category("Reclaimer")
@Description("A reader that holds up grace periods longer than the stall timeout")
@StackTrace(false)
final class StallEvent extends jdk.jfr.Event {

    @Label("Reader Thread")
    @Description("The name of the reader's thread, which may have ended by the time of the event")
    String readerThread;

    @Label("Section")
    @Description("The method or Reclaimer.read() site of the reader's outermost section")
    String section;

    @Label("Stall Duration")
    @Description("How long the reader has been seen holding up grace periods")
    @Timespan(Timespan.NANOSECONDS)
    long stallDuration;

    @Label("Ended")
    @Description("Whether the reader has left the section")
    boolean ended;
}
