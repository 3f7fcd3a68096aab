package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionalTest {

    static AnaplanSimulator sim;
    static SimClient c;
    static final String M = "/models/" + Seed.MODEL_ID;
    static final String WM = "/workspaces/" + Seed.WORKSPACE_ID + "/models/" + Seed.MODEL2_ID;

    @BeforeAll
    static void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().readRequestPageRows(10).taskDuration(Duration.ofMillis(400)));
        c = new SimClient(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void modulesLineItemsViews() throws Exception {
        JsonNode modules = json(c.get(M + "/modules"));
        assertThat(modules.at("/modules/0/id").asText()).isEqualTo("102000000001");
        assertThat(modules.at("/modules/0/name").asText()).isEqualTo("Revenue");
        JsonNode lis = json(c.get(M + "/lineItems?includeAll=true"));
        assertThat(lis.get("items")).hasSize(4);
        assertThat(lis.at("/items/0/moduleName").asText()).isEqualTo("Revenue");
        assertThat(lis.at("/items/0/format").asText()).isEqualTo("NUMBER");
        assertThat(json(c.get(M + "/modules/102000000001/lineItems")).get("items")).hasSize(2);
        JsonNode dims = json(c.get(M + "/lineItems/206000000001/dimensions"));
        assertThat(dims.at("/dimensions/1").toString()).isEqualTo("{\"id\":\"20000000003\",\"name\":\"Time\"}");
        JsonNode time = json(c.get(M + "/lineItems/206000000001/dimensions/20000000003/items"));
        assertThat(time.get("items")).hasSize(12);
        assertThat(time.at("/items/0/name").asText()).isEqualTo("Jan 26");
        JsonNode views = json(c.get(M + "/views"));
        assertThat(views.get("views")).hasSize(3);
        assertThat(json(c.get(M + "/modules/102000000002/views")).get("views")).hasSize(1);
        JsonNode meta = json(c.get(M + "/views/102000000001"));
        assertThat(meta.get("viewName").asText()).isEqualTo("Revenue");
        assertThat(meta.at("/rows/0/name").asText()).isEqualTo("Regions");
        assertThat(meta.at("/columns/0/id").asText()).isEqualTo("20000000003");
        assertThat(meta.at("/pages/0/name").asText()).isEqualTo("Versions");
        JsonNode vd = json(c.get(M + "/views/102000000001/dimensions/101000000001/items"));
        assertThat(vd.get("items")).hasSize(4);
        assertThat(c.get(M + "/views/999/dimensions/101000000001/items").statusCode()).isEqualTo(404);
    }

    @Test
    void viewDataCsvJsonAndCellWrites() throws Exception {
        String body = "[{\"lineItemId\":\"206000000001\",\"dimensions\":[{\"dimensionId\":\"101000000001\",\"itemId\":\"202000000001\"},"
                + "{\"dimensionId\":\"20000000003\",\"itemName\":\"Feb 26\"},{\"dimensionName\":\"Versions\",\"itemName\":\"Actual\"}],\"value\":1111},"
                + "{\"lineItemName\":\"Notes\",\"dimensions\":[{\"dimensionName\":\"Regions\",\"itemCode\":\"S\"},"
                + "{\"dimensionId\":\"20000000003\",\"itemName\":\"Jan 26\"},{\"dimensionId\":\"20000000020\",\"itemId\":\"107000000001\"}],\"value\":\"Some text\"},"
                + "{\"lineItemName\":\"Sales\",\"dimensions\":[{\"dimensionName\":\"Regions\",\"itemName\":\"North\"}],\"value\":5},"
                + "{\"lineItemName\":\"Sales\",\"dimensions\":[{\"dimensionName\":\"Regions\",\"itemName\":\"North\"},"
                + "{\"dimensionId\":\"20000000003\",\"itemName\":\"Jan 26\"},{\"dimensionId\":\"20000000020\",\"itemId\":\"107000000001\"}],\"value\":\"abc\"}]";
        JsonNode w = json(c.postJson(M + "/modules/102000000001/data", body));
        assertThat(w.get("numberOfCellsChanged").asInt()).isEqualTo(2);
        assertThat(w.at("/failures/0/requestIndex").asInt()).isEqualTo(2);
        assertThat(w.at("/failures/1/requestIndex").asInt()).isEqualTo(3);
        assertThat(w.at("/failures/1/failureType").asText()).isEqualTo("INCORRECT_FORMAT");

        HttpResponse<String> csv = c.send(c.api(M + "/views/102000000001/data?pages=20000000020:107000000001").header("Accept", "text/csv").GET());
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("Actual");
        assertThat(lines[1]).startsWith(",,Jan 26,Feb 26,Mar 26");
        assertThat(lines[2]).startsWith("North,Sales,").contains(",1111,");
        assertThat(lines[5]).startsWith("South,Notes,Some text,");

        JsonNode j = json(c.send(c.api(M + "/views/102000000001/data?format=v1&pages=20000000020:107000000001").header("Accept", "application/json").GET()));
        assertThat(j.get("pages").get(0).asText()).isEqualTo("Actual");
        assertThat(j.at("/columnCoordinates/1/0").asText()).isEqualTo("Feb 26");
        assertThat(j.at("/rows/0/rowCoordinates").toString()).isEqualTo("[\"North\",\"Sales\"]");
        assertThat(j.at("/rows/0/cells/1").asText()).isEqualTo("1111");

        assertThat(c.get(M + "/views/102000000001/data?pages=101000000001:202000000001").statusCode()).isEqualTo(400);
        String limited = c.send(c.api(M + "/views/102000000001/data?maxRows=3").header("Accept", "text/csv").GET()).body();
        assertThat(limited.split("\n")).hasSize(2 + 3);
        JsonNode limitedJson = json(c.get(M + "/views/102000000001/data?format=v1&maxRows=1"));
        assertThat(limitedJson.get("rows")).hasSize(1);
        String tab = c.get(M + "/views/102000000001/data?exportType=TABULAR_MULTI_COLUMN&moduleId=102000000001").body();
        assertThat(tab.split("\n")[0]).isEqualTo("Regions,Time,Versions,Sales,Notes");
        assertThat(tab.split("\n")).hasSize(1 + 4 * 12 * 2);
        try (AnaplanSimulator small = AnaplanSimulator.start(SimulatorOptions.defaults().maxCellsPerWrite(1))) {
            SimClient sc = new SimClient(small).login();
            assertThat(sc.postJson(M + "/modules/102000000001/data", body).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void readRequestsPagesAppearWhileInProgress() throws Exception {
        String base = WM + "/views/102000000001/readRequests";
        JsonNode start = json(c.postJson(base, "{\"exportType\":\"TABULAR_MULTI_COLUMN\"}"));
        String id = start.at("/viewReadRequest/requestId").asText();
        assertThat(start.at("/viewReadRequest/requestState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(start.at("/viewReadRequest/url").asText()).isEqualTo(sim.apiUrl() + base + "/" + id);
        boolean sawPartial = false;
        JsonNode st;
        long deadline = System.currentTimeMillis() + 5000;
        do {
            st = json(c.get(base + "/" + id));
            int avail = st.at("/viewReadRequest/availablePages").asInt();
            if (st.at("/viewReadRequest/requestState").asText().equals("IN_PROGRESS") && avail > 0) {
                sawPartial = true;
                assertThat(c.get(base + "/" + id + "/pages/0").statusCode()).isEqualTo(200);
            }
            Thread.sleep(15);
        } while (!st.at("/viewReadRequest/requestState").asText().equals("COMPLETE") && System.currentTimeMillis() < deadline);
        assertThat(sawPartial).isTrue();
        assertThat(st.at("/viewReadRequest/availablePages").asInt()).isEqualTo(10);
        assertThat(st.at("/viewReadRequest/viewId").asText()).isEqualTo("102000000001");
        String page0 = c.send(c.api(base + "/" + id + "/pages/0").header("Accept", "text/csv").GET()).body();
        assertThat(page0.split("\n")).hasSize(11);
        assertThat(c.get(base + "/" + id + "/pages/10").statusCode()).isEqualTo(404);
        JsonNode del = json(c.delete(base + "/" + id));
        assertThat(del.at("/viewReadRequest/requestState").asText()).isEqualTo("COMPLETE");
        assertThat(c.get(base + "/" + id).statusCode()).isEqualTo(404);

        String lbase = WM + "/lists/101000000001/readRequests";
        String lid = json(c.postJson(lbase, "")).at("/listReadRequest/requestId").asText();
        JsonNode cancel = json(c.delete(lbase + "/" + lid));
        assertThat(cancel.at("/listReadRequest/requestState").asText()).isIn("CANCELLED", "COMPLETE");
    }

    @Test
    void listsAndListItemWrites() throws Exception {
        String wl = WM + "/lists";
        JsonNode lists = json(c.get(wl));
        assertThat(lists.at("/lists/0/name").asText()).isEqualTo("Regions");
        JsonNode md = json(c.get(wl + "/101000000001"));
        assertThat(md.at("/metadata/itemCount").asInt()).isEqualTo(4);
        assertThat(md.at("/metadata/properties/1/format").asText()).isEqualTo("NUMBER");
        JsonNode items = json(c.get(wl + "/101000000001/items?includeAll=true"));
        assertThat(items.at("/listItems/0/name").asText()).isEqualTo("North");
        assertThat(items.at("/listItems/0/properties/Active").asText()).isEqualTo("true");
        assertThat(items.at("/listItems/3/subsets/Core regions").asBoolean()).isFalse();
        String csv = c.send(c.api(wl + "/101000000001/items").header("Accept", "text/csv").GET()).body();
        assertThat(csv.split("\n")[0]).isEqualTo("id,name,code,parent,parentId,listId,listName");

        HttpResponse<String> add = c.postJson(wl + "/101000000001/items?action=add",
                "{\"items\":[{\"name\":\"Central\",\"code\":\"C\",\"parent\":\"North\",\"properties\":{\"Headcount\":\"12\"},\"subsets\":{\"Core regions\":true}},"
                        + "{\"name\":\"Bad\",\"code\":\"B\",\"properties\":{\"Headcount\":\"many\"}},{\"name\":\"North\"}]}");
        JsonNode a = json(add);
        assertThat(a.get("added").asInt()).isEqualTo(1);
        assertThat(a.get("ignored").asInt()).isEqualTo(2);
        assertThat(a.get("total").asInt()).isEqualTo(3);
        assertThat(a.at("/failures/0/requestIndex").asInt()).isEqualTo(1);
        assertThat(a.at("/failures/0/failureType").asText()).isEqualTo("INCORRECT_FORMAT");
        assertThat(a.at("/failures/0/failureMessageDetails").asText()).isEqualTo("incorrect format -- column name:Headcount, value:wrong value for number");

        JsonNode u = json(c.send(c.api(wl + "/101000000001/items").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"code\":\"C\",\"properties\":{\"Manager\":\"Ann\"}},{\"code\":\"ZZ\"}]}"))));
        assertThat(u.get("updated").asInt()).isEqualTo(1);
        assertThat(u.at("/failures/0/requestIndex").asInt()).isEqualTo(1);
        JsonNode del = json(c.postJson(wl + "/101000000001/items?action=delete", "{\"items\":[{\"code\":\"C\"},{\"name\":\"Nowhere\"}]}"));
        assertThat(del.get("deleted").asInt()).isEqualTo(1);
        assertThat(del.get("failures")).hasSize(1);
        assertThat(c.postJson(wl + "/101000000001/items?action=add", "{}").statusCode()).isEqualTo(400);

        HttpResponse<String> reset = c.postJson(wl + "/101000000001/resetIndex", "");
        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(json(reset).at("/status/message").asText()).startsWith("We can't reset the list item index");
        HttpResponse<String> okReset = c.postJson(wl + "/101000000003/resetIndex", "");
        assertThat(okReset.statusCode()).isEqualTo(200);
        assertThat(okReset.body()).isEmpty();
        JsonNode numbered = json(c.postJson("/models/" + Seed.MODEL2_ID + "/lists/101000000003/items?action=add", "{\"items\":[{\"code\":\"T-1\"}]}"));
        assertThat(numbered.get("added").asInt()).isEqualTo(1);
    }

    @Test
    void calendarVersionsDimensions() throws Exception {
        JsonNode cp = json(c.get(M + "/currentPeriod"));
        assertThat(cp.at("/currentPeriod/periodText").asText()).isEqualTo("Jan 26");
        assertThat(cp.at("/currentPeriod/calendarType").asText()).isEqualTo("Calendar Months/Quarters/Years");
        HttpResponse<String> set = c.send(c.api(M + "/currentPeriod?date=2026-07-03").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(json(set).at("/currentPeriod/lastDay").asText()).isEqualTo("2026-07-31");
        HttpResponse<String> both = c.send(c.api(M + "/currentPeriod?date=2026-07-03").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-08-01\"}")));
        assertThat(json(both).at("/status/message").asText()).isEqualTo("use query parameter or body to set date, not both");
        HttpResponse<String> bad = c.send(c.api(M + "/currentPeriod").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"date\":\"07/03/2026\"}")));
        assertThat(json(bad).at("/status/message").asText()).startsWith("Invalid ISO date format");
        HttpResponse<String> out = c.send(c.api(M + "/currentPeriod").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"date\":\"2040-01-01\"}")));
        assertThat(json(out).at("/status/message").asText()).contains("out of timescale range");

        JsonNode cal = json(c.get(M + "/modelCalendar"));
        assertThat(cal.at("/modelCalendar/fiscalYear/year").asText()).isEqualTo("FY26");
        assertThat(cal.at("/modelCalendar/totalsSelection/isQuarterTotals").asBoolean()).isTrue();
        JsonNode fy = json(c.send(c.api(WM + "/modelCalendar/fiscalYear").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"year\":\"FY27\"}"))));
        assertThat(fy.at("/modelCalendar/fiscalYear/startDate").asText()).isEqualTo("2027-01-01");
        assertThat(c.get(WM + "/modelCalendar/fiscalYear").statusCode()).isEqualTo(405);

        JsonNode versions = json(c.get(M + "/versions"));
        assertThat(versions.at("/versionMetadata/0/name").asText()).isEqualTo("Actual");
        assertThat(versions.at("/versionMetadata/0/isActual").asBoolean()).isTrue();
        JsonNode sw = json(c.send(c.api(M + "/versions/107000000002/switchover").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-06-03\"}"))));
        assertThat(sw.at("/versionSwitchover/periodText").asText()).isEqualTo("Jun 26");

        JsonNode di = json(c.get(M + "/dimensions/101000000002/items"));
        assertThat(di.get("items")).hasSize(3);
        JsonNode lookup = json(c.postJson(M + "/dimensions/101000000002/items", "{\"names\":[\"software\",\"Missing\"],\"codes\":[\"SV\"]}"));
        assertThat(lookup.get("items")).hasSize(2);
        assertThat(c.postJson(M + "/dimensions/101000000002/items", "").statusCode()).isEqualTo(400);
        assertThat(c.postJson(M + "/dimensions/20000000020/items", "{\"codes\":[\"A\"]}").statusCode()).isEqualTo(400);
        assertThat(c.get(M + "/dimensions/101000009999/items").statusCode()).isEqualTo(404);
    }
}
