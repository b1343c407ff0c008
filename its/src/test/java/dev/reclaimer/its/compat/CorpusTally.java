package dev.reclaimer.its.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one corpus entry (one library, one or more jars) for the report. */
final class CorpusTally {

    final String library;
    final List<String> jars;
    int classes;
    int classesChanged;
    int methodsMatched;
    int methodsChanged;
    int unlinkableAsOriginal;
    final Map<String, Integer> refusedByReason = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    CorpusTally(String library, List<String> jars) {
        this.library = library;
        this.jars = List.copyOf(jars);
    }

    void refused(String reason) {
        refusedByReason.merge(reason, 1, Integer::sum);
    }

    void failed(String what) {
        failures.add(what);
    }

    int refused() {
        return refusedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The report's table: one row per library, then the refusal reasons and failures of each. */
    static String table(List<CorpusTally> tallies) {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %8s %8s %8s %8s %8s %8s %8s%n";
        out.append(
                String.format(
                        format, "library", "classes", "changed", "matched", "rewrote", "refused",
                        "nolink", "failed"));
        for (CorpusTally tally : tallies) {
            out.append(
                    String.format(
                            format,
                            tally.library,
                            tally.classes,
                            tally.classesChanged,
                            tally.methodsMatched,
                            tally.methodsChanged,
                            tally.refused(),
                            tally.unlinkableAsOriginal,
                            tally.failures.size()));
        }
        out.append(
                "\nclasses: class files seen; changed: classes the agent rewrote;"
                        + " matched: methods a selector names (bridges aside);\nrewrote:"
                        + " methods changed; refused: matched methods left unchanged, by reason"
                        + " below; nolink: rewritten classes\nthe JVM could not link in"
                        + " isolation exactly as it could not link the original (a missing"
                        + " optional\ndependency); failed: a transformation error, an ASM or"
                        + " JVM verification error, or a method changed\nthat no selector"
                        + " names.\n");
        for (CorpusTally tally : tallies) {
            out.append('\n').append(tally.library).append(" (").append(tally.jars).append(")\n");
            tally.refusedByReason.forEach(
                    (reason, count) ->
                            out.append(String.format("  refused %6d  %s%n", count, reason)));
            tally.failures.forEach(
                    failure -> out.append("  FAILED  ").append(failure).append('\n'));
        }
        return out.toString();
    }
}
