package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test-only window on simulator state the public API does not expose (transactional lists, cells, read requests):
 * lets component tests assert what the server holds without going through the component itself.
 */
public final class SimPeek {

    private SimPeek() {
    }

    /** Names of the items of a list, in order. */
    public static List<String> listItemNames(SimModel model, String listId) {
        List<String> names = new ArrayList<>();
        model.transactional.list(listId).items().forEach(i -> names.add(i.name));
        return names;
    }

    public static int listItemCount(SimModel model, String listId) {
        return model.transactional.list(listId).items().size();
    }

    /** Code and properties of a list item found by name, or null. */
    public static Map<String, String> listItemProperties(SimModel model, String listId, String name) {
        SimList.Item item = model.transactional.list(listId).byName(name);
        return item == null ? null : Map.copyOf(item.properties);
    }

    public static String listItemCode(SimModel model, String listId, String name) {
        SimList.Item item = model.transactional.list(listId).byName(name);
        return item == null ? null : item.code;
    }

    /** Adds items named prefix0, prefix1... to a list. */
    public static void addListItems(SimModel model, String listId, String prefix, int count) {
        SimList list = model.transactional.list(listId);
        for (int i = 0; i < count; i++) {
            list.add(prefix + i, "");
        }
    }

    /** A written cell of a module, by line item id and one item id per module dimension; null when never written. */
    public static String cell(SimModel model, String moduleId, String lineItemId, List<String> itemIds) {
        SimModule module = model.transactional.module(moduleId);
        return model.transactional.cells.get(TransactionalData.cellKey(module, lineItemId, itemIds));
    }

    /** A written cell, its coordinates given as item names in the module's dimension order; null when never written. */
    public static String cellByNames(SimModel model, String moduleId, String lineItemId, String... itemNames) {
        SimModule module = model.transactional.module(moduleId);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < itemNames.length; k++) {
            String wanted = itemNames[k];
            model.transactional.dimensionItems(module.dimensionIds.get(k)).stream().filter(i -> i.name.equals(wanted))
                    .findFirst().ifPresent(i -> ids.add(i.id));
        }
        return cell(model, moduleId, lineItemId, ids);
    }

    /** Read requests still held (not deleted). */
    public static int openReadRequests(SimModel model) {
        return model.transactional.readRequests.size();
    }

    public static String fiscalYear(SimModel model) {
        return "FY" + (model.transactional.fiscalYearStart % 100);
    }
}
