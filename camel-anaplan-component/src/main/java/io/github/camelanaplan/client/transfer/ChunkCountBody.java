package io.github.camelanaplan.client.transfer;

/** The body declaring a file's chunk count before its chunks ({@code POST …/files/{id}}); -1 for a streamed file. */
record ChunkCountBody(int chunkCount) {
}
