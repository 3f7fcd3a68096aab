package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelsMiscTest {

    AnaplanSimulator sim;
    SimClient c;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start();
        c = new SimClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void usersWorkspacesModelsShapes() throws Exception {
        JsonNode me = json(c.get("/users/me"));
        assertThat(me.at("/user/email").asText()).isEqualTo(Seed.USERNAME);
        assertThat(me.at("/user/id").asText()).hasSize(32);
        assertThat(json(c.get("/users/" + me.at("/user/id").asText())).at("/user/email").asText()).isEqualTo(Seed.USERNAME);
        assertThat(json(c.get("/users")).at("/users/0/email").asText()).isEqualTo(Seed.USERNAME);
        JsonNode w = json(c.get("/workspaces/" + Seed.WORKSPACE_ID + "?tenantDetails=true"));
        assertThat(w.at("/workspace/name").asText()).isEqualTo("Finance Planning");
        assertThat(w.at("/workspace/sizeAllowance").isNumber()).isTrue();
        assertThat(json(c.get("/workspaces")).at("/workspaces/0/sizeAllowance").isMissingNode()).isTrue();
        JsonNode models = json(c.get("/workspaces/" + Seed.WORKSPACE_ID + "/models?modelDetails=true"));
        assertThat(models.get("models")).hasSize(3);
        JsonNode m = json(c.get("/models/" + Seed.FUTURE_STATE_MODEL_ID)).get("model");
        assertThat(m.get("activeState").asText()).isEqualTo("SOME_FUTURE_STATE");
        assertThat(m.get("currentWorkspaceName").asText()).isEqualTo("Finance Planning");
        assertThat(m.get("modelTransactionRunning").asBoolean()).isFalse();
        assertThat(c.get("/workspaces/ffffffffffffffffffffffffffffffff/models").statusCode()).isEqualTo(404);
    }

    @Test
    void sortIsValidatedOnModelsWorkspacesUsers() throws Exception {
        JsonNode desc = json(c.get("/models?sort=-name"));
        assertThat(desc.at("/models/0/name").asText()).isEqualTo("Model from the future");
        JsonNode asc = json(c.get("/models?sort=%2Bname"));
        assertThat(asc.at("/models/0/name").asText()).isEqualTo("FP&A Model");
        assertThat(c.get("/models?sort=name").statusCode()).isEqualTo(400);
        assertThat(c.get("/workspaces?sort=-bogus").statusCode()).isEqualTo(400);
        assertThat(c.get("/users?sort=-email").statusCode()).isEqualTo(200);
    }

    @Test
    void bulkDeleteModels() throws Exception {
        String url = "/workspaces/" + Seed.WORKSPACE_ID + "/bulkDeleteModels";
        JsonNode open = json(c.postJson(url, "{\"modelIdsToDelete\":[\"" + Seed.MODEL2_ID + "\"]}"));
        assertThat(open.get("modelsDeleted").asInt()).isZero();
        assertThat(open.at("/bulkDeleteModelsFailures/0/message").asText()).isEqualTo("Model is open. Please close the model before trying again.");
        c.postJson("/models/" + Seed.MODEL2_ID + "/close", "");
        JsonNode done = json(c.postJson(url, "{\"modelIdsToDelete\":[\"" + Seed.MODEL2_ID + "\"]}"));
        assertThat(done.get("modelsDeleted").asInt()).isEqualTo(1);
        assertThat(done.has("bulkDeleteModelsFailures")).isFalse();
        assertThat(c.get("/models/" + Seed.MODEL2_ID).statusCode()).isEqualTo(404);
    }

    @Test
    void postByFileNameCreatesAFileWithANewId() throws Exception {
        HttpResponse<String> r = c.postJson(ws() + "/files/Orders.csv", "{\"chunkCount\":1}");
        assertThat(r.statusCode()).isEqualTo(200);
        String id = json(r).at("/file/id").asText();
        assertThat(id).isEqualTo("113000000002");
        assertThat(json(r).at("/file/name").asText()).isEqualTo("Orders.csv");
        assertThat(c.put(ws() + "/files/" + id + "/chunks/0", "application/octet-stream", "a\n".getBytes()).statusCode()).isEqualTo(204);
        assertThat(sim.tenant().model(Seed.MODEL_ID).fileUploadComplete(id)).isTrue();
        // posting the same name again reuses that file
        assertThat(json(c.postJson(ws() + "/files/Orders.csv", "{\"chunkCount\":1}")).at("/file/id").asText()).isEqualTo(id);
    }
}
