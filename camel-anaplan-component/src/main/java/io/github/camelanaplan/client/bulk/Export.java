package io.github.camelanaplan.client.bulk;

/** An export definition (116…); its output file has the same id. */
public record Export(String id, String name, String exportType, String exportFormat, String encoding, String layout) {
}
