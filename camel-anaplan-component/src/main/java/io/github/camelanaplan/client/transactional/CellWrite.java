package io.github.camelanaplan.client.transactional;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One cell to write: the line item by id or name, one coordinate per dimension, and the value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellWrite(String lineItemId, String lineItemName, List<CellDimension> dimensions, Object value) {

    public static CellWrite ofLineItemId(String lineItemId, Object value, CellDimension... dimensions) {
        return new CellWrite(lineItemId, null, List.of(dimensions), value);
    }

    public static CellWrite ofLineItemName(String lineItemName, Object value, CellDimension... dimensions) {
        return new CellWrite(null, lineItemName, List.of(dimensions), value);
    }
}
