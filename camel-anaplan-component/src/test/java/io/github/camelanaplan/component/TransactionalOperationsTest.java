package io.github.camelanaplan.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.transactional.AnaplanList;
import io.github.camelanaplan.client.transactional.CellDimension;
import io.github.camelanaplan.client.transactional.CellWrite;
import io.github.camelanaplan.client.transactional.CellWriteResult;
import io.github.camelanaplan.client.transactional.CurrentPeriod;
import io.github.camelanaplan.client.transactional.DimensionItem;
import io.github.camelanaplan.client.transactional.FiscalYear;
import io.github.camelanaplan.client.transactional.LineItem;
import io.github.camelanaplan.client.transactional.ListItem;
import io.github.camelanaplan.client.transactional.ListItemInput;
import io.github.camelanaplan.client.transactional.ListItemsResult;
import io.github.camelanaplan.client.transactional.ModelCalendar;
import io.github.camelanaplan.client.transactional.Module;
import io.github.camelanaplan.client.transactional.Version;
import io.github.camelanaplan.client.transactional.View;
import io.github.camelanaplan.client.transactional.ViewData;
import io.github.camelanaplan.client.transactional.WriteFailure;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.SimPeek;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionalOperationsTest extends AnaplanTestSupport {

    static final String REGIONS = "101000000001";
    static final String TICKETS = "101000000003";
    static final String REVENUE = "102000000001";
    static final String ASSUMPTIONS = "102000000002";
    static final String GROWTH_RATE = "206000000003";
    static final String LAUNCHED = "206000000004";

    @Override
    protected SimulatorOptions simulatorOptions() {
        return super.simulatorOptions().readRequestPageRows(50).taskDuration(java.time.Duration.ofMillis(600));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    @Test
    void modelStructureIsTyped() {
        List<Module> modules = list("anaplan:transactional/modules");
        assertThat(modules).extracting(Module::name).containsExactly("Revenue", "Assumptions");
        List<LineItem> items = list("anaplan:transactional/lineItems?includeAll=true&moduleId=" + ASSUMPTIONS);
        assertThat(items).extracting(LineItem::name).containsExactly("Growth Rate", "Launched");
        assertThat(items.get(0).format()).isEqualTo("NUMBER");
        List<View> views = list("anaplan:transactional/views");
        assertThat(views).extracting(View::id).contains(REVENUE, "203000000001");
        List<AnaplanList> lists = list("anaplan:transactional/lists");
        assertThat(lists).extracting(AnaplanList::name).contains("Regions", "Product Lines", "Tickets");
        List<DimensionItem> regions = list("anaplan:transactional/dimensionItems?dimensionId=" + REGIONS);
        assertThat(regions).extracting(DimensionItem::name).containsExactly("North", "South", "East", "West");
        List<Version> versions = list("anaplan:transactional/versions");
        assertThat(versions).extracting(Version::name).containsExactly("Actual", "Forecast");
        assertThat(versions.get(1).current()).isTrue();
    }

    @Test
    void viewDataAsCsvStreamOrJsonRows() throws Exception {
        Object csv = template.requestBody("anaplan:transactional/viewData?viewId=" + ASSUMPTIONS, (Object) null);
        assertThat(csv).isInstanceOf(InputStream.class);
        String text = new String(((InputStream) csv).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("Hardware").contains("Growth Rate");
        ViewData rows = template.requestBody("anaplan:transactional/viewData?format=json&viewId=" + ASSUMPTIONS, null,
                ViewData.class);
        assertThat(rows.rows()).hasSize(3);
        assertThat(rows.rows().get(0).rowCoordinates()).containsExactly("Hardware");
        String tabular = template.requestBody("anaplan:transactional/viewData?exportType=TABULAR_MULTI_COLUMN&viewId="
                                              + REVENUE + "&streaming=false", null, String.class);
        assertThat(tabular.lines().count()).isGreaterThan(90);
        assertThat(sim.journal().matching("GET", ".*/views/" + REVENUE + "/data").get(0).query())
                .contains("moduleId=" + REVENUE);
        ViewData forecast = template.requestBody("anaplan:transactional/viewData?format=json&maxRows=2&viewId=" + REVENUE
                                                 + "&pages=20000000020:107000000002", (Object) null, ViewData.class);
        assertThat(forecast.pages()).containsExactly("Forecast");
        assertThat(sim.journal().matching("GET", ".*/views/" + REVENUE + "/data").get(1).query())
                .contains("pages=20000000020%3A107000000002").contains("maxRows=2");
    }

    @Test
    void listItemsAsJsonOrCsv() {
        @SuppressWarnings("unchecked")
        List<ListItem> items = template.requestBody("anaplan:transactional/listItems?format=json&includeAll=true&listId="
                                                    + REGIONS, null, List.class);
        assertThat(items).extracting(ListItem::name).containsExactly("North", "South", "East", "West");
        assertThat(items.get(0).properties()).containsKey("Manager");
        String csv = template.requestBodyAndHeader("anaplan:transactional/listItems", null, AnaplanConstants.LIST_ID,
                REGIONS, String.class);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("id,name,code,parent,parentId,listId,listName");
        assertThat(csv.lines().count()).isEqualTo(5);
    }

    @Test
    void addUpdateUpsertDeleteChangeTheListAndCountWhatHappened() {
        String uri = "anaplan:transactional/%s?listId=" + REGIONS;
        ListItemsResult added = template.requestBody(uri.formatted("addListItems"), List.of(
                Map.of("name", "Central", "code", "C", "properties", Map.of("Headcount", "12")),
                ListItemInput.named("North", "N2")), ListItemsResult.class);
        assertThat(added.added()).isEqualTo(1);
        assertThat(added.ignored()).isEqualTo(1);
        assertThat(added.total()).isEqualTo(2);
        assertThat(added.failures()).extracting(WriteFailure::requestIndex).containsExactly(1);
        assertThat(added.failures().get(0).failureType()).isEqualTo("DUPLICATE_NAME");
        assertThat(SimPeek.listItemProperties(model(), REGIONS, "Central")).containsEntry("Headcount", "12");

        ListItemsResult updated = template.requestBody(uri.formatted("updateListItems"),
                List.of(Map.of("code", "C", "properties", Map.of("Manager", "Ann"))), ListItemsResult.class);
        assertThat(updated.updated()).isEqualTo(1);
        assertThat(SimPeek.listItemProperties(model(), REGIONS, "Central")).containsEntry("Manager", "Ann");

        ListItemsResult upserted = template.requestBody(uri.formatted("upsertListItems"), List.of(
                ListItemInput.named("South", null).withProperties(Map.of("Manager", "Bo")),
                ListItemInput.named("Overseas", "O"),
                ListItemInput.withCode("C").withProperties(Map.of("Headcount", "not a number"))), ListItemsResult.class);
        assertThat(upserted.updated()).isEqualTo(1);
        assertThat(upserted.added()).isEqualTo(1);
        assertThat(upserted.failures()).extracting(WriteFailure::requestIndex).containsExactly(2);
        assertThat(upserted.failures().get(0).failureType()).isEqualTo("INCORRECT_FORMAT");
        assertThat(SimPeek.listItemProperties(model(), REGIONS, "South")).containsEntry("Manager", "Bo");
        assertThat(SimPeek.listItemNames(model(), REGIONS)).contains("Overseas");

        ListItemsResult deleted = template.requestBody(uri.formatted("deleteListItems"),
                List.of(Map.of("code", "O"), Map.of("code", "nope")), ListItemsResult.class);
        assertThat(deleted.deleted()).isEqualTo(1);
        assertThat(deleted.failures()).extracting(WriteFailure::requestIndex).containsExactly(1);
        assertThat(SimPeek.listItemNames(model(), REGIONS)).doesNotContain("Overseas");
    }

    @Test
    void aJsonTextBodyIsAcceptedToo() {
        ListItemsResult added = template.requestBody("anaplan:transactional/addListItems?listId=" + REGIONS,
                "{\"items\":[{\"name\":\"Arctic\",\"code\":\"A\"}]}", ListItemsResult.class);
        assertThat(added.added()).isEqualTo(1);
        assertThat(SimPeek.listItemCode(model(), REGIONS, "Arctic")).isEqualTo("A");
    }

    @Test
    void a250000ItemWriteIsSplitIntoThreeCallsWithCountsSummedAndFailuresAtTheirOriginalIndex() {
        List<Map<String, Object>> items = new ArrayList<>(250_000);
        for (int i = 0; i < 250_000; i++) {
            items.add(i == 7 || i == 150_003 || i == 249_999 ? Map.of("properties", Map.of("NoSuchProperty", "x"))
                    : new HashMap<>());
        }
        ListItemsResult result = template.requestBody("anaplan:transactional/addListItems?listId=" + TICKETS, items,
                ListItemsResult.class);
        assertThat(sim.journal().count("POST", ".*/lists/" + TICKETS + "/items")).isEqualTo(3);
        assertThat(result.total()).isEqualTo(250_000);
        assertThat(result.added()).isEqualTo(249_997);
        assertThat(result.ignored()).isEqualTo(3);
        assertThat(result.failures()).extracting(WriteFailure::requestIndex).containsExactly(7, 150_003, 249_999);
        assertThat(SimPeek.listItemCount(model(), TICKETS)).isEqualTo(249_997);
    }

    @Test
    void cellWritesAreSplitByCellWriteBatchSizeAndFailuresKeepTheirIndex() {
        List<Object> cells = List.of(
                CellWrite.ofLineItemId(GROWTH_RATE, 0.05, CellDimension.ofNames("Product Lines", "Hardware")),
                Map.of("lineItemName", "Growth Rate", "dimensions",
                        List.of(Map.of("dimensionName", "Product Lines", "itemName", "Software")), "value", 0.1),
                CellWrite.ofLineItemId(LAUNCHED, true, CellDimension.ofNames("Product Lines", "Services")),
                CellWrite.ofLineItemId("206999999999", 1, CellDimension.ofNames("Product Lines", "Hardware")),
                CellWrite.ofLineItemId(GROWTH_RATE, "abc", CellDimension.ofNames("Product Lines", "Services")));
        CellWriteResult result = template.requestBody("anaplan:transactional/writeCells?cellWriteBatchSize=2&moduleId="
                                                      + ASSUMPTIONS, cells, CellWriteResult.class);
        assertThat(sim.journal().count("POST", ".*/modules/" + ASSUMPTIONS + "/data")).isEqualTo(3);
        assertThat(result.numberOfCellsChanged()).isEqualTo(3);
        assertThat(result.failures()).extracting(WriteFailure::requestIndex).containsExactly(3, 4);
        assertThat(result.failures()).extracting(WriteFailure::failureType)
                .containsExactly("INVALID_LINE_ITEM", "INCORRECT_FORMAT");
        assertThat(SimPeek.cellByNames(model(), ASSUMPTIONS, GROWTH_RATE, "Software")).isEqualTo("0.1");
        assertThat(SimPeek.cellByNames(model(), ASSUMPTIONS, LAUNCHED, "Services")).isEqualTo("true");
    }

    @Test
    void resetListIndexRefusesAListWithItemsAndWorksOnAnEmptyOne() {
        template.requestBody("anaplan:transactional/resetListIndex?listId=" + TICKETS, (Object) null);
        assertThat(sim.journal().count("POST", ".*/lists/" + TICKETS + "/resetIndex")).isEqualTo(1);
        assertThatThrownBy(() -> template.requestBody("anaplan:transactional/resetListIndex?listId=" + REGIONS, (Object) null))
                .cause().isInstanceOf(AnaplanApiException.class).hasMessageContaining("contains data");
    }

    @Test
    void calendarCurrentPeriodAndFiscalYear() {
        ModelCalendar calendar = template.requestBody("anaplan:transactional/modelCalendar", null, ModelCalendar.class);
        assertThat(calendar.fiscalYear().year()).isEqualTo("FY26");
        assertThat(calendar.totalsSelection()).isNotEmpty();
        CurrentPeriod set = template.requestBody("anaplan:transactional/setCurrentPeriod", "2026-03-15",
                CurrentPeriod.class);
        assertThat(set.lastDay()).isEqualTo("2026-03-31");
        assertThat(template.requestBody("anaplan:transactional/currentPeriod", null, CurrentPeriod.class).periodText())
                .isEqualTo("Mar 26");
        FiscalYear fy = template.requestBody("anaplan:transactional/fiscalYear", "FY27", FiscalYear.class);
        assertThat(fy.startDate()).isEqualTo("2027-01-01");
        assertThat(SimPeek.fiscalYear(model())).isEqualTo("FY27");
    }

    @Test
    void readViewStreamsEveryPageOnceWithOneHeaderAndDeletesTheRequest() throws Exception {
        InputStream stream = template.requestBody("anaplan:transactional/readView?viewId=" + REVENUE, null,
                InputStream.class);
        List<String> lines = new String(stream.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String expected = template.requestBody("anaplan:transactional/viewData?exportType=TABULAR_MULTI_COLUMN&viewId="
                                               + REVENUE, null, String.class);
        assertThat(lines).isEqualTo(expected.lines().toList());
        int pages = sim.journal().count("GET", ".*/readRequests/[^/]+/pages/\\d+");
        assertThat(pages).isEqualTo((lines.size() - 1 + 49) / 50);
        assertThat(SimPeek.openReadRequests(model())).isZero();
        assertThat(sim.journal().count("DELETE", ".*/views/" + REVENUE + "/readRequests/.*")).isEqualTo(1);
        // the first page was read while the request was still running (pages trickle in over 600 ms)
        long started = sim.journal().matching("POST", ".*/readRequests").get(0).startNanos();
        long firstPage = sim.journal().matching("GET", ".*/pages/0").get(0).startNanos();
        assertThat((firstPage - started) / 1_000_000).isLessThan(450);
    }

    @Test
    void aReadRequestIsDeletedWhenAPageFailsMidStream() {
        sim.faults().add(FaultRule.on("GET", ".*/readRequests/[^/]+/pages/1").respond(404).always());
        assertThatThrownBy(() -> template.requestBody("anaplan:transactional/readView?viewId=" + REVENUE, null,
                String.class)).isInstanceOf(CamelExecutionException.class);
        assertThat(sim.journal().count("GET", ".*/pages/0")).isEqualTo(1);
        assertThat(sim.journal().count("DELETE", ".*/readRequests/.*")).isEqualTo(1);
        assertThat(SimPeek.openReadRequests(model())).isZero();
    }

    @Test
    void aReadViewStreamIsDeletedWhenTheExchangeFailsBeforeReadingIt() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").to("anaplan:transactional/readView?viewId=" + REVENUE).process(e -> {
                    throw new IllegalStateException("downstream failure");
                });
            }
        });
        Exchange result = template.request("direct:read", e -> { });
        assertThat(result.getException()).hasMessage("downstream failure");
        assertThat(sim.journal().count("DELETE", ".*/readRequests/.*")).isEqualTo(1);
        assertThat(SimPeek.openReadRequests(model())).isZero();
    }

    @Test
    void readListStreamsTheListInPages() {
        SimPeek.addListItems(model(), REGIONS, "Region ", 120);
        Exchange result = template.request("anaplan:transactional/readList?listId=" + REGIONS + "&streaming=false",
                e -> { });
        assertThat(result.getException()).isNull();
        String csv = result.getMessage().getBody(String.class);
        assertThat(csv.lines().count()).isEqualTo(1 + 124);
        assertThat(csv.lines().filter(l -> l.startsWith("id,name")).count()).isEqualTo(1);
        assertThat(sim.journal().count("GET", ".*/lists/" + REGIONS + "/readRequests/[^/]+/pages/\\d+")).isEqualTo(3);
        assertThat(SimPeek.openReadRequests(model())).isZero();
    }

    @Test
    void missingIdsFailBeforeAnyCall() {
        assertThatThrownBy(() -> template.requestBody("anaplan:transactional/addListItems", List.of(Map.of("name", "x"))))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage(
                        "transactional/addListItems needs listId: set the listId option or the CamelAnaplanListId header");
        assertThat(sim.journal().count("POST", ".*/items")).isZero();
    }
}
