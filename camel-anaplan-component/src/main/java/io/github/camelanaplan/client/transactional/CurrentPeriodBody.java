package io.github.camelanaplan.client.transactional;

/** The body of {@code PUT /models/{m}/currentPeriod}: a date (YYYY-MM-DD), or empty to reset. */
record CurrentPeriodBody(String date) {
}
