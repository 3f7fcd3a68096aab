package io.github.camelanaplan.client.transfer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelanaplan.client.TestClients;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimulatorOptions;

/** One simulator, transport and executor for a test class, with fresh file ids per test. */
final class SimulatorFixture implements AutoCloseable {

    private static final AtomicInteger NEXT_FILE = new AtomicInteger(100);

    final AnaplanSimulator sim;
    final RetryingCaller transport;
    final ExecutorService executor;
    final FileUploader uploader;
    final FileDownloader downloader;
    final ApiPath modelPath;
    final ApiPath filesUrl;

    SimulatorFixture(SimulatorOptions options) {
        sim = AnaplanSimulator.start(options);
        transport = TestClients.basicTransport(sim.authUrl(), sim.apiUrl(), sim.oauthUrl(), Seed.USERNAME, Seed.PASSWORD);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "transfer-test");
            thread.setDaemon(true);
            return thread;
        });
        TransferBuffers buffers = new TransferBuffers();
        uploader = new FileUploader(transport, executor, buffers);
        downloader = new FileDownloader(transport, executor, buffers);
        modelPath = ApiPath.root(sim.apiUrl()).then("workspaces", Seed.WORKSPACE_ID, "models", Seed.MODEL_ID);
        filesUrl = modelPath.then("files");
    }

    SimModel model() {
        return sim.tenant().model(Seed.MODEL_ID);
    }

    static String newFileId() {
        return String.format("113%09d", NEXT_FILE.getAndIncrement());
    }

    ApiPath fileUrl(String fileId) {
        return filesUrl.then(fileId);
    }

    /** Path regex of the chunk PUTs/GETs of a file, for the journal and fault rules. */
    static String chunkPath(String fileId, String chunk) {
        return "/2/0/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL_ID + "/files/" + fileId + "/chunks/" + chunk;
    }

    static String filePath(String fileId) {
        return "/2/0/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL_ID + "/files/" + fileId;
    }

    /** The stored content; the simulator answers null for an empty file. */
    byte[] stored(String fileId) {
        byte[] content = model().fileContent(fileId);
        return content == null ? new byte[0] : content;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        transport.transport().close();
        sim.close();
    }
}
