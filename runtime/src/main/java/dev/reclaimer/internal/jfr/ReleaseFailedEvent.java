package dev.reclaimer.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A deferred release body threw; the stack is the drainer's. */
@Name("dev.reclaimer.ReleaseFailed")
@Label("Release Failed")
@Category("Reclaimer")
@Description("A deferred release body threw")
@StackTrace(false)
final class ReleaseFailedEvent extends jdk.jfr.Event {

    @Label("Release Site")
    String site;

    @Label("Exception Class")
    String exceptionClass;

    @Label("Exception Message")
    String exceptionMessage;
}
