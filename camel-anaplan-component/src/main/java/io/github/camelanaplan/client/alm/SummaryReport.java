package io.github.camelanaplan.client.alm;

import java.util.Map;

/**
 * Differences between two revisions: totals ({@code created}, {@code modified}, {@code deleted}) and the same counts
 * per kind of object ({@code lineItems}, {@code lists}, {@code modules}, {@code rolesContents}...).
 */
public record SummaryReport(String targetRevisionId, String sourceRevisionId, Map<String, Integer> totals,
                            Map<String, Map<String, Integer>> differences) {

    public SummaryReport {
        totals = totals == null ? Map.of() : totals;
        differences = differences == null ? Map.of() : differences;
    }
}
