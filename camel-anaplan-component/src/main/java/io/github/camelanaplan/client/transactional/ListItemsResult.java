package io.github.camelanaplan.client.transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * What a list item write did, summed over all the calls it was split into. {@code failures} carry the index of the
 * item in the original body.
 */
public record ListItemsResult(long added, long updated, long deleted, long ignored, long total,
                              List<WriteFailure> failures) {

    public static final ListItemsResult EMPTY = new ListItemsResult(0, 0, 0, 0, 0, List.of());

    public ListItemsResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** This result plus another one's counts and failures. */
    public ListItemsResult plus(ListItemsResult other) {
        List<WriteFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        all.sort((a, b) -> Integer.compare(a.requestIndex(), b.requestIndex()));
        return new ListItemsResult(added + other.added, updated + other.updated, deleted + other.deleted,
                ignored + other.ignored, total + other.total, all);
    }
}
