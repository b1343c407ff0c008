package dev.reclaimer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void markdown_retireWithinLimit_isMet() {
        Figures figures = new Figures();
        figures.put("t1.RetireBenchmark.deferredRelease", 4.0);
        figures.put("t1.RetireBenchmark.inlineRelease", 2.0);

        String table = ResultTable.markdown(figures);

        assertTrue(
                table.contains("| 1. retire / inline call, 1 thread | 2.00 | <= 2.50 | met |"),
                table);
    }

    @Test
    void markdown_retireOverLimit_isMissed() {
        Figures figures = new Figures();
        figures.put("t1.RetireBenchmark.deferredRelease", 6.0);
        figures.put("t1.RetireBenchmark.inlineRelease", 2.0);

        String table = ResultTable.markdown(figures);

        assertTrue(
                table.contains("| 1. retire / inline call, 1 thread | 3.00 | <= 2.50 | MISSED |"),
                table);
    }

    @Test
    void markdown_sampleRuns_showTheLoadTheyRanAt() {
        Figures figures = new Figures();
        figures.put("sample.load_average.start", 2.5);
        figures.put("sample.load_average.end", 3.25);

        String table = ResultTable.markdown(figures);

        assertTrue(
                table.contains(
                        "| 5 | load average before / after the sample's runs | 2.50 / 3.25 |"),
                table);
    }

    @Test
    void missedTargets_nothingMeasured_countsEveryTargetAsMissed() {
        Figures none = new Figures();

        assertEquals(16, ResultTable.missedTargets(none));
        assertTrue(ResultTable.markdown(none).contains("| not measured |"));
    }

    @Test
    void median_evenCount_averagesTheMiddleTwo() {
        assertEquals(2.5, StartupTimes.median(new long[] {4, 1, 3, 2}));
        assertEquals(3.0, StartupTimes.median(new long[] {5, 3, 1}));
    }
}
