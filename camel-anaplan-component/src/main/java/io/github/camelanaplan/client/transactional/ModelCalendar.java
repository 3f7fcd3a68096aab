package io.github.camelanaplan.client.transactional;

import java.util.Map;

/**
 * The model calendar. {@code totalsSelection} is kept as Anaplan sends it (its key names differ between sources).
 */
public record ModelCalendar(String calendarType, CurrentPeriod currentPeriod, FiscalYear fiscalYear,
                            Integer pastYearsCount, Integer futureYearsCount, String startDate, Integer weeksCount,
                            String extraWeekMonth, String weekFormat, String weekGrouping,
                            Map<String, Object> totalsSelection) {
}
