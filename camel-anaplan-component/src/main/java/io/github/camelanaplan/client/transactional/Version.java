package io.github.camelanaplan.client.transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A version of the model (Actual, Forecast...) from {@code GET /models/{m}/versions}. */
public record Version(String id, String name, String code, @JsonProperty("isCurrent") Boolean current,
                      @JsonProperty("isActual") Boolean actual, Period editFrom, Period editTo, Period switchover,
                      String formula, String notes) {

    /** A period boundary of a version. */
    public record Period(String periodText, String date) {
    }
}
