package io.github.camelanaplan.client.transactional;

/** A fiscal year of the model calendar, e.g. {@code FY26}. */
public record FiscalYear(String year, String startDate, String endDate) {
}
