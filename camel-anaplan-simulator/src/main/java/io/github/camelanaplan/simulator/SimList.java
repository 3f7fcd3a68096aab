package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A list (dimension) of the transactional API with its items, properties and subsets. Guarded by its monitor. */
final class SimList {

    /** One list item. */
    static final class Item {
        final String id;
        String name;
        String code;
        String parent = "";
        String parentId = "";
        final Map<String, String> properties = new LinkedHashMap<>();
        final Map<String, Boolean> subsets = new LinkedHashMap<>();

        Item(String id, String name, String code) {
            this.id = id;
            this.name = name;
            this.code = code == null ? "" : code;
        }
    }

    final String id;
    final String name;
    final String code;
    final boolean numbered;
    final boolean hasCodes;
    /** property name → format (TEXT, NUMBER, BOOLEAN, DATE, LIST, TIME PERIOD). */
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<String> subsets = new ArrayList<>();
    final Map<String, Item> items = new LinkedHashMap<>();
    final String parentListId;
    long nextItemIndex;
    final long idBase;

    SimList(String id, String name, String code, boolean numbered, boolean hasCodes, String parentListId, long idBase) {
        this.id = id;
        this.name = name;
        this.code = code;
        this.numbered = numbered;
        this.hasCodes = hasCodes;
        this.parentListId = parentListId;
        this.idBase = idBase;
    }

    synchronized Item add(String name, String code) {
        String itemId = String.valueOf(idBase + nextItemIndex++);
        Item it = new Item(itemId, numbered && (name == null || name.isEmpty()) ? "#" + (nextItemIndex) : name, code);
        items.put(itemId, it);
        return it;
    }

    synchronized Item byId(String itemId) {
        return items.get(itemId);
    }

    synchronized Item byName(String n) {
        for (Item i : items.values()) {
            if (i.name.equalsIgnoreCase(n)) {
                return i;
            }
        }
        return null;
    }

    synchronized Item byCode(String c) {
        for (Item i : items.values()) {
            if (!i.code.isEmpty() && i.code.equalsIgnoreCase(c)) {
                return i;
            }
        }
        return null;
    }

    synchronized List<Item> items() {
        return new ArrayList<>(items.values());
    }
}
