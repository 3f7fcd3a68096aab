package io.github.camelanaplan.component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientStats;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code anaplan} developer console: one block per connection engine in use (per set of credentials and URLs) with
 * its auth method, token expiry, requests, retries by cause, bytes up and down, chunks and tasks. Credentials and tokens
 * are never shown.
 */
@DevConsole(name = "anaplan", displayName = "Anaplan",
            description = "Anaplan connection engines: auth, token expiry, requests, retries, transfer and task counters")
public class AnaplanDevConsole extends AbstractDevConsole {

    public AnaplanDevConsole() {
        super("camel", "anaplan", "Anaplan",
              "Anaplan connection engines: auth, token expiry, requests, retries, transfer and task counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        List<AnaplanClient> clients = clients();
        sb.append("Anaplan clients: ").append(clients.size()).append('\n');
        for (AnaplanClient client : clients) {
            ClientStats s = client.stats();
            sb.append('\n');
            sb.append("Client ").append(client.id()).append(client.isClosed() ? " (closed)" : "").append('\n');
            sb.append("    Auth method: ").append(client.tokens().method()).append('\n');
            sb.append("    API URL: ").append(client.settings().apiUrl()).append('\n');
            long expires = client.tokens().expiresAtMillis();
            sb.append("    Token expires: ").append(expires == 0 ? "not logged in"
                    : Instant.ofEpochMilli(expires) + " (in " + secondsLeft(expires) + "s)").append('\n');
            sb.append("    Token renewals: ").append(s.tokenRenewals()).append('\n');
            sb.append("    Requests: ").append(s.requests()).append('\n');
            sb.append("    Retries: ").append(retries(s)).append(' ').append(s.retriesByCause()).append('\n');
            sb.append("    Bytes sent: ").append(s.bytesSent()).append('\n');
            sb.append("    Bytes received: ").append(s.bytesReceived()).append('\n');
            sb.append("    Chunks uploaded: ").append(s.chunksUploaded()).append('\n');
            sb.append("    Chunks downloaded: ").append(s.chunksDownloaded()).append('\n');
            sb.append("    Uncompressed bytes uploaded: ").append(s.uncompressedBytesUploaded()).append('\n');
            sb.append("    Chunks in flight: ").append(s.chunksInFlight()).append('\n');
            sb.append("    Tasks started: ").append(s.tasksStarted()).append('\n');
            sb.append("    Tasks running: ").append(s.tasksRunning()).append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray array = new JsonArray();
        for (AnaplanClient client : clients()) {
            ClientStats s = client.stats();
            JsonObject jo = new JsonObject();
            jo.put("id", client.id());
            jo.put("closed", client.isClosed());
            jo.put("authMethod", client.tokens().method());
            jo.put("apiUrl", client.settings().apiUrl());
            long expires = client.tokens().expiresAtMillis();
            if (expires > 0) {
                jo.put("tokenExpiresAt", Instant.ofEpochMilli(expires).toString());
                jo.put("tokenExpiresInSeconds", secondsLeft(expires));
            }
            jo.put("tokenRenewals", s.tokenRenewals());
            jo.put("requests", s.requests());
            jo.put("retries", retries(s));
            JsonObject byCause = new JsonObject();
            s.retriesByCause().forEach(byCause::put);
            jo.put("retriesByCause", byCause);
            jo.put("bytesSent", s.bytesSent());
            jo.put("bytesReceived", s.bytesReceived());
            jo.put("chunksUploaded", s.chunksUploaded());
            jo.put("chunksDownloaded", s.chunksDownloaded());
            jo.put("uncompressedBytesUploaded", s.uncompressedBytesUploaded());
            jo.put("chunksInFlight", s.chunksInFlight());
            jo.put("tasksStarted", s.tasksStarted());
            jo.put("tasksRunning", s.tasksRunning());
            array.add(jo);
        }
        root.put("clients", array);
        return root;
    }

    private List<AnaplanClient> clients() {
        return AnaplanComponent.clientsOf(getCamelContext());
    }

    private static long retries(ClientStats stats) {
        return stats.retriesByCause().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long secondsLeft(long epochMillis) {
        return Math.max(0, (epochMillis - System.currentTimeMillis()) / 1000);
    }
}
