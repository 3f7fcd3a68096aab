package io.github.camelanaplan.client.transfer;

import io.github.camelanaplan.client.bulk.AnaplanFile;

/**
 * What an upload did.
 *
 * @param file            the file's metadata as the server answered it (chunk count set to what was uploaded)
 * @param chunkCount      chunks sent
 * @param bytes           uncompressed bytes sent
 * @param compressedBytes gzip bytes sent (request bodies, without retries)
 */
public record UploadResult(AnaplanFile file, int chunkCount, long bytes, long compressedBytes) {
}
