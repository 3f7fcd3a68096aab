package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** §6.6: current period, model calendar, fiscal year, versions, switchover and dimension items. */
final class CalendarEndpoints extends TransactionalSupport {

    CalendarEndpoints(ApiSupport api) {
        super(api);
    }

    @Override
    void register(Router r) {
        r.model("GET", "/currentPeriod", this::currentPeriod);
        r.model("PUT", "/currentPeriod", this::setCurrentPeriod);
        r.model("GET", "/modelCalendar", this::modelCalendar);
        r.model("PUT", "/modelCalendar/fiscalYear", this::setFiscalYear);
        r.model("GET", "/versions", this::versions);
        r.model("PUT", "/versions/{ver}/switchover", this::switchover);
        r.model("GET", "/dimensions/{d}/items", this::dimensionItems);
        r.model("POST", "/dimensions/{d}/items", this::dimensionItemsLookup);
    }

    private ObjectNode period(TransactionalData d) {
        LocalDate end = d.currentPeriodEnd;
        ObjectNode p = Json.object();
        p.put("periodText", end == null ? "" : TransactionalData.periodText(end.getYear(), end.getMonthValue()));
        p.put("lastDay", end == null ? "" : end.toString());
        return p;
    }

    private SimResponse currentPeriod(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode p = period(d);
        p.put("calendarType", d.calendarType);
        return envelope(req, "currentPeriod", "currentPeriod", p);
    }

    private SimResponse setCurrentPeriod(SimRequest req) {
        TransactionalData d = data(req);
        String fromQuery = req.query("date");
        String fromBody = null;
        if (req.body().length > 0) {
            JsonNode b = Json.parse(req.body());
            if (b != null && b.has("date")) {
                fromBody = b.get("date").asText();
            }
        }
        if (fromQuery != null && fromBody != null) {
            throw ApiException.badRequest("use query parameter or body to set date, not both");
        }
        String date = fromQuery != null ? fromQuery : fromBody;
        if (date == null || date.isBlank()) {
            d.currentPeriodEnd = null;
        } else {
            LocalDate ld;
            try {
                ld = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid ISO date format '" + date + "'. Date should match format YYYY-MM-DD");
            }
            if (ld.isBefore(d.timescaleStart()) || ld.isAfter(d.timescaleEnd())) {
                throw ApiException.badRequest("Specified date '" + date + "' is out of timescale range " + d.timescaleStart() + " - " + d.timescaleEnd());
            }
            d.currentPeriodEnd = ld.withDayOfMonth(ld.lengthOfMonth());
        }
        return currentPeriod(req);
    }

    private ObjectNode fiscalYear(TransactionalData d) {
        ObjectNode fy = Json.object();
        fy.put("year", "FY" + String.format("%02d", d.fiscalYearStart % 100));
        fy.put("startDate", LocalDate.of(d.fiscalYearStart, 1, 1).toString());
        fy.put("endDate", LocalDate.of(d.fiscalYearStart, 12, 31).toString());
        return fy;
    }

    private SimResponse modelCalendar(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode c = Json.object();
        c.put("calendarType", d.calendarType);
        c.set("currentPeriod", period(d));
        c.set("fiscalYear", fiscalYear(d));
        c.put("pastYearsCount", 1);
        c.put("futureYearsCount", 1);
        c.put("startDate", d.timescaleStart().toString());
        c.put("weeksCount", 52);
        c.put("extraWeekMonth", 0);
        c.put("weekFormat", "");
        c.put("weekGrouping", "");
        ObjectNode totals = c.putObject("totalsSelection");
        boolean sdk = api.options.totalsSelectionSdkKeys();
        totals.put(sdk ? "quarterTotals" : "isQuarterTotals", true);
        totals.put(sdk ? "halfYearTotals" : "isHalfYearTotals", false);
        totals.put(sdk ? "yearToDateSummary" : "isYearToDateSummary", true);
        totals.put(sdk ? "yearToGoSummary" : "isYearToGoSummary", false);
        totals.put(sdk ? "totalOfAllPeriods" : "isTotalOfAllPeriods", false);
        totals.put("extraMonthQuarter", 0);
        return envelope(req, "modelCalendar", "modelCalendar", c);
    }

    private SimResponse setFiscalYear(SimRequest req) {
        TransactionalData d = data(req);
        ObjectNode body = Json.parseObject(req.body(), "fiscal year");
        String year = body.path("year").asText("");
        if (!year.matches("FY\\d{2}")) {
            throw ApiException.badRequest("Invalid fiscal year '" + year + "'");
        }
        d.fiscalYearStart = 2000 + Integer.parseInt(year.substring(2));
        ObjectNode cal = Json.object();
        cal.set("fiscalYear", fiscalYear(d));
        return envelope(req, "modelCalendar", "modelCalendar", cal);
    }

    private ObjectNode versionJson(TransactionalData.Version v) {
        ObjectNode n = Json.object();
        n.put("id", v.id);
        n.put("name", v.name);
        n.put("isCurrent", v.current);
        n.put("isActual", v.actual);
        n.putObject("editFrom").put("periodText", "Start of Timescale").putNull("date");
        n.putObject("editTo").put("periodText", "End of Timescale").putNull("date");
        if (v.switchover != null) {
            n.putObject("switchover").put("periodText", v.switchover).put("date", v.switchover);
        }
        n.put("formula", "");
        n.put("notes", "");
        n.put("code", "");
        return n;
    }

    private SimResponse versions(SimRequest req) {
        TransactionalData d = data(req);
        List<ObjectNode> items = new ArrayList<>();
        d.versions.forEach(v -> items.add(versionJson(v)));
        return listResponse(req, "versionMetadata", "versionMetadata", items);
    }

    private SimResponse switchover(SimRequest req) {
        TransactionalData d = data(req);
        TransactionalData.Version v = null;
        for (TransactionalData.Version x : d.versions) {
            if (x.id.equals(req.param("ver"))) {
                v = x;
            }
        }
        if (v == null) {
            throw ApiException.notFound();
        }
        ObjectNode body = Json.parseObject(req.body(), "switchover");
        String date = body.path("date").asText("");
        ObjectNode out = Json.object();
        if (date.isBlank()) {
            v.switchover = null;
            out.put("periodText", "");
            out.put("date", "");
        } else {
            LocalDate ld;
            try {
                ld = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid ISO date format '" + date + "'. Date should match format YYYY-MM-DD");
            }
            v.switchover = ld.toString();
            out.put("periodText", TransactionalData.periodText(ld.getYear(), ld.getMonthValue()));
            out.put("date", ld.toString());
        }
        out.put("calendarType", d.calendarType);
        return envelope(req, "versionSwitchover", "versionSwitchover", out);
    }

    private SimResponse dimensionItems(SimRequest req) {
        return itemsResponse(req, data(req).dimensionItems(req.param("d")));
    }

    private SimResponse dimensionItemsLookup(SimRequest req) {
        TransactionalData d = data(req);
        List<TransactionalData.DimItem> items = d.dimensionItems(req.param("d"));
        if (items == null) {
            throw ApiException.notFound();
        }
        if (req.body().length == 0) {
            throw ApiException.badRequest("The request body must contain names or codes");
        }
        ObjectNode body = Json.parseObject(req.body(), "dimension items");
        JsonNode names = body.path("names");
        JsonNode codes = body.path("codes");
        if (names.isEmpty() && codes.isEmpty()) {
            throw ApiException.badRequest("The request body must contain names or codes");
        }
        if (!codes.isEmpty() && items.stream().allMatch(i -> i.code.isEmpty())) {
            SimList l = d.list(req.param("d"));
            if (l == null || !l.hasCodes || !l.items.isEmpty()) {
                throw ApiException.badRequest("The dimension does not have codes");
            }
        }
        List<TransactionalData.DimItem> found = new ArrayList<>();
        for (TransactionalData.DimItem it : items) {
            boolean match = false;
            for (JsonNode n : names) {
                match |= it.name.equalsIgnoreCase(n.asText());
            }
            for (JsonNode c : codes) {
                match |= !it.code.isEmpty() && it.code.equalsIgnoreCase(c.asText());
            }
            if (match) {
                found.add(it);
            }
        }
        return itemsResponse(req, found);
    }
}
