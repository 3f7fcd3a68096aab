package io.github.camelanaplan.client.error;

import java.util.List;

/**
 * A name given instead of an id matched no object, or more than one, of its kind. Raised before any request that
 * changes anything; the message names the kind, the name and the close candidates (names and ids).
 */
public class AnaplanNameException extends AnaplanException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final transient List<String> candidates;

    public AnaplanNameException(String message, String kind, String name, List<String> candidates) {
        super(message);
        this.kind = kind;
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    /** What was looked up: "model", "import", "file"... */
    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    /** The objects that matched (several) or came close (none), each as {@code 'name' (id)}. */
    public List<String> getCandidates() {
        return candidates;
    }
}
