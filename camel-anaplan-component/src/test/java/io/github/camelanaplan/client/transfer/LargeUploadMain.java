package io.github.camelanaplan.client.transfer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelanaplan.client.TestClients;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.http.Transport;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;

/**
 * Uploads a large generated CSV stream to a simulator that only counts what it receives, in a JVM of its own so the
 * heap limit it runs under is the proof that upload memory is bounded. Prints one line of figures; exits non-zero on
 * any mismatch. Arguments: bytes, chunk size, parallelism, compression level.
 */
public final class LargeUploadMain {

    private LargeUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        UploadOptions options = new UploadOptions(Integer.parseInt(args[1]), Integer.parseInt(args[3]), true,
                Integer.parseInt(args[2]));
        ExecutorService executor = Executors.newCachedThreadPool();
        try (AnaplanSimulator sim = AnaplanSimulator.start(SimulatorOptions.defaults().throughputMode(true));
             Transport engine = TestClients.basicTransport(sim.authUrl(), sim.apiUrl(), sim.oauthUrl(), Seed.USERNAME,
                     Seed.PASSWORD).transport()) {
            RetryingCaller transport = new RetryingCaller(engine, io.github.camelanaplan.client.http.CallOptions.defaults());
            io.github.camelanaplan.client.http.ApiPath filesUrl = io.github.camelanaplan.client.http.ApiPath.root(sim.apiUrl())
                    .then("workspaces", Seed.WORKSPACE_ID, "models", Seed.MODEL_ID, "files");
            long began = System.nanoTime();
            UploadResult result = new FileUploader(transport, executor)
                    .upload(filesUrl, Seed.FILE_ID, UploadSource.of(new GeneratedCsv(size), null), options);
            long millis = Math.max(1, (System.nanoTime() - began) / 1_000_000);
            int received = sim.tenant().model(Seed.MODEL_ID).chunksReceived(Seed.FILE_ID);
            long receivedBytes = sim.tenant().model(Seed.MODEL_ID).bytesReceived(Seed.FILE_ID);
            System.out.printf("uploaded=%d chunks=%d received=%d gzipped=%d receivedBytes=%d millis=%d mbPerSecond=%.0f"
                              + " maxHeapMb=%d peakHeapMb=%d%n", result.bytes(), result.chunkCount(), received,
                    result.compressedBytes(), receivedBytes, millis, size / 1e3 / millis,
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
            boolean ok = result.bytes() == size && received == result.chunkCount() && receivedBytes == result.compressedBytes();
            System.exit(ok ? 0 : 3);
        } finally {
            executor.shutdownNow();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
