package io.github.camelanaplan.client.bulk;

/** A server file of a model (import source 113…, or export output with the export's id). */
public record AnaplanFile(String id, String name, Integer chunkCount, String delimiter, String encoding,
                          Integer firstDataRow, String format, Integer headerRow, String separator) {
}
