package io.github.camelanaplan.client.transactional;

/** The model's current period ({@code GET /models/{m}/currentPeriod}). */
public record CurrentPeriod(String periodText, String lastDay, String calendarType) {
}
