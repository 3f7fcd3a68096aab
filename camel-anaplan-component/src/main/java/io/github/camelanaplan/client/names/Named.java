package io.github.camelanaplan.client.names;

/**
 * One object of a listing as name resolution sees it: its id, its name, what kind of object it is, and where it
 * lives when that matters (a model's workspace id; null otherwise).
 */
public record Named(String id, String name, String kind, String ownerId) {

    public Named(String id, String name, String kind) {
        this(id, name, kind, null);
    }

    /** How the object is shown among candidates: {@code 'name' (id)}. */
    String shown() {
        return "'" + name + "' (" + id + ")";
    }
}
