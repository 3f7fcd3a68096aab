package io.github.camelanaplan.client.transactional;

/** The body of {@code PUT /models/{m}/modelCalendar/fiscalYear}: the year, e.g. {@code FY26}. */
record FiscalYearBody(String year) {
}
