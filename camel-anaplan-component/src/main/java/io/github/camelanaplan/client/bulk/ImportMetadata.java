package io.github.camelanaplan.client.bulk;

/** Import metadata: {@code type} is FILE or MODEL; {@code source} holds the column layout Anaplan expects. */
public record ImportMetadata(String name, String type, ImportSource source) {
}
