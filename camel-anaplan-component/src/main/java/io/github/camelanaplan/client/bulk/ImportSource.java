package io.github.camelanaplan.client.bulk;

import java.util.List;

/**
 * The layout an import reads from its file: encoding, separators, which row holds the header and where data begins,
 * and the column names. Null fields were not in the answer (a model-to-model import has no text layout).
 */
public record ImportSource(String textEncoding, String columnSeparator, String textDelimiter, Integer headerRow,
                           Integer firstDataRow, String decimalSeparator, List<String> headerNames, Integer columnCount) {
}
