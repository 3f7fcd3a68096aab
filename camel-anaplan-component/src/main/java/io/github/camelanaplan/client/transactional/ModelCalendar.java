package io.github.camelanaplan.client.transactional;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelanaplan.client.http.ScalarText;

/**
 * The model calendar. {@code totalsSelection} is kept as Anaplan sends it (its key names differ between sources);
 * {@code extraWeekMonth} is read as text whether it comes as a number or a name (the sources do not say).
 */
public record ModelCalendar(String calendarType, CurrentPeriod currentPeriod, FiscalYear fiscalYear,
                            Integer pastYearsCount, Integer futureYearsCount, String startDate, Integer weeksCount,
                            @JsonDeserialize(using = ScalarText.class) String extraWeekMonth, String weekFormat, String weekGrouping,
                            Map<String, Object> totalsSelection) {
}
