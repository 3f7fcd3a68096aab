package io.github.camelanaplan.client.bulk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a task start ({@code POST …/{actions}/{id}/tasks}): the locale, and the runtime mapping parameters
 * when there are any (the key is left out otherwise).
 */
public record TaskStartBody(String localeName,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MappingParameter> mappingParameters) {
}
