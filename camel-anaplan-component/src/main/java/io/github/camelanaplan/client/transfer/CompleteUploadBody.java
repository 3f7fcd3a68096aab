package io.github.camelanaplan.client.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST …/files/{id}/complete} after streamed chunks: the file, its name when known, chunkCount -1. */
record CompleteUploadBody(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String name, int chunkCount) {
}
