package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;

/** A module with its line items; its dimensions are given as dimension ids (lists, time, versions). */
final class SimModule {

    /** A line item of a module. */
    static final class LineItem {
        final String id;
        final String name;
        final String format;
        final SimModule module;

        LineItem(String id, String name, String format, SimModule module) {
            this.id = id;
            this.name = name;
            this.format = format;
            this.module = module;
        }
    }

    final String id;
    final String name;
    final String code;
    final List<String> dimensionIds;
    final List<LineItem> lineItems = new ArrayList<>();

    SimModule(String id, String name, String code, List<String> dimensionIds) {
        this.id = id;
        this.name = name;
        this.code = code;
        this.dimensionIds = dimensionIds;
    }

    LineItem lineItem(String idOrName) {
        for (LineItem li : lineItems) {
            if (li.id.equals(idOrName) || li.name.equalsIgnoreCase(idOrName)) {
                return li;
            }
        }
        return null;
    }
}
