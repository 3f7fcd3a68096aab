package io.github.camelanaplan.client.alm;

/**
 * A revision tag of a model. Dates are ISO-8601 strings as Anaplan sends them ({@code 2021-03-17T14:43:01Z});
 * {@code appliedOn} is when the revision reached this model (created here, or synchronised into it).
 */
public record Revision(String id, String name, String description, String createdOn, String createdBy,
                       String creationMethod, String appliedOn, String appliedBy) {
}
