package io.github.camelanaplan.client.bulk;

import java.util.List;

/** Export metadata: the layout of the file the export writes. */
public record ExportMetadata(Integer columnCount, List<String> dataTypes, String delimiter, String encoding,
                             String exportFormat, List<String> headerNames, List<String> listNames, Long rowCount,
                             String separator, String layout) {
}
