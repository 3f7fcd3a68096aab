package io.github.camelanaplan.client.bulk;

/** An import definition (112…); {@code importDataSourceId} is the 113… file it reads, when it reads a file. */
public record Import(String id, String name, String importDataSourceId, String importType, String code) {
}
