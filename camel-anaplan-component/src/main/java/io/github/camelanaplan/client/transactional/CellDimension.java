package io.github.camelanaplan.client.transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One dimension coordinate of a cell write: the dimension by id or name, the item by id, name or code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellDimension(String dimensionId, String dimensionName, String itemId, String itemName, String itemCode) {

    public static CellDimension ofIds(String dimensionId, String itemId) {
        return new CellDimension(dimensionId, null, itemId, null, null);
    }

    public static CellDimension ofNames(String dimensionName, String itemName) {
        return new CellDimension(null, dimensionName, null, itemName, null);
    }
}
