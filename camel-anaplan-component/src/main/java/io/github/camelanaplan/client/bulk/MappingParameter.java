package io.github.camelanaplan.client.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * A runtime mapping for an import or process run: which item of a dimension the file's data goes to.
 */
public record MappingParameter(String entityType, String entityName) {

    /**
     * Parses {@code entityType:entityName} pairs separated by commas, e.g. {@code Version:Actual,Region:North}.
     *
     * @throws IllegalArgumentException naming {@code mappingParameters} when a pair has no colon or an empty side
     */
    public static List<MappingParameter> parse(String text) {
        List<MappingParameter> parameters = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parameters;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1 || pair.substring(0, colon).isBlank()) {
                throw new IllegalArgumentException("mappingParameters: '" + pair.trim()
                                                   + "' is not an entityType:entityName pair (e.g. Version:Actual)");
            }
            parameters.add(new MappingParameter(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim()));
        }
        return parameters;
    }
}
