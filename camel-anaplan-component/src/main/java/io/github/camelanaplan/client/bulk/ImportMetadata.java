package io.github.camelanaplan.client.bulk;

import java.util.Map;

/** Import metadata: {@code type} is FILE or MODEL; {@code source} holds the column layout Anaplan expects. */
public record ImportMetadata(String name, String type, Map<String, Object> source) {
}
