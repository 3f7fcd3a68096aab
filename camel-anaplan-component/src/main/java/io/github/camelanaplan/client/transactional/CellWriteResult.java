package io.github.camelanaplan.client.transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cell write did, summed over all the calls it was split into; {@code failures} carry the index of the cell in
 * the original body.
 */
public record CellWriteResult(long numberOfCellsChanged, List<WriteFailure> failures) {

    public static final CellWriteResult EMPTY = new CellWriteResult(0, List.of());

    public CellWriteResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public CellWriteResult plus(CellWriteResult other) {
        List<WriteFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new CellWriteResult(numberOfCellsChanged + other.numberOfCellsChanged, all);
    }
}
