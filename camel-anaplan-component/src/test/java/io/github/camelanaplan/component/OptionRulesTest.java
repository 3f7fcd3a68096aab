package io.github.camelanaplan.component;

import java.util.stream.Stream;

import io.github.camelanaplan.client.Defaults;
import io.github.camelanaplan.client.Limits;
import io.github.camelanaplan.component.OptionRules.IdShape;
import io.github.camelanaplan.component.OptionRules.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The option and header rules, case by case: each refusal names the option and shows the bad value. */
class OptionRulesTest {

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(OptionRules.RETRY_COUNT, -1L, "retryCount must be 0 or more, was -1"),
                Arguments.of(OptionRules.RETRY_COUNT, 2147483647L, "retryCount must be at most " + Limits.MAX_RETRY_COUNT
                                                                  + ", was 2147483647"),
                Arguments.of(OptionRules.UPLOAD_CHUNK_SIZE, 999_999L,
                        "uploadChunkSize must be between 1000000 and 50000000 bytes, was 999999"),
                Arguments.of(OptionRules.UPLOAD_CHUNK_SIZE, 99_999_999_999L,
                        "uploadChunkSize must be between 1000000 and 50000000 bytes, was 99999999999"),
                Arguments.of(OptionRules.COMPRESSION_LEVEL, 0L, "compressionLevel must be 1 to 9, was 0"),
                Arguments.of(OptionRules.COMPRESSION_LEVEL, 10L, "compressionLevel must be 1 to 9, was 10"),
                Arguments.of(OptionRules.UPLOAD_PARALLELISM, -1L, "uploadParallelism must be 0 (number of cores) or more, was -1"),
                Arguments.of(OptionRules.UPLOAD_PARALLELISM, 65L, "uploadParallelism must be at most 64, was 65"),
                Arguments.of(OptionRules.DOWNLOAD_PREFETCH, 0L, "downloadPrefetch must be 1 or more, was 0"),
                Arguments.of(OptionRules.DOWNLOAD_PREFETCH, 1000L, "downloadPrefetch must be at most 64, was 1000"),
                Arguments.of(OptionRules.LIST_ITEM_BATCH_SIZE, 100_001L,
                        "listItemBatchSize must be 1 to 100000 (Anaplan's limit per call), was 100001"),
                Arguments.of(OptionRules.CELL_WRITE_BATCH_SIZE, 0L, "cellWriteBatchSize must be 1 or more, was 0"),
                Arguments.of(OptionRules.CELL_WRITE_BATCH_SIZE, 100_001L, "cellWriteBatchSize must be at most 100000, was 100001"),
                Arguments.of(OptionRules.MAX_ROWS, 1_000_001L, "maxRows must be at most 1000000, was 1000001"),
                Arguments.of(OptionRules.INTERVAL_IN_HOURS, 721L, "intervalInHours must be 1 to 720 (30 days), was 721"),
                Arguments.of(OptionRules.MAX_REQUESTS_PER_MINUTE, -1L, "maxRequestsPerMinute must be 0 (no limit) or more, was -1"),
                Arguments.of(OptionRules.PROXY_PORT, 65_536L, "proxyPort must be 0 to 65535, was 65536"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("ranges")
    void aValueOutsideItsRangeIsRefusedNamingTheOptionAndTheValue(Range range, long value, String message) {
        assertThatThrownBy(() -> range.check(value)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatCode(() -> range.check(range.min())).doesNotThrowAnyException();
        assertThatCode(() -> range.check(range.max())).doesNotThrowAnyException();
    }

    static Stream<Arguments> defaultsInRange() {
        return Stream.of(Arguments.of(OptionRules.RETRY_COUNT, Defaults.RETRY_COUNT),
                Arguments.of(OptionRules.UPLOAD_CHUNK_SIZE, Defaults.UPLOAD_CHUNK_SIZE),
                Arguments.of(OptionRules.COMPRESSION_LEVEL, Defaults.COMPRESSION_LEVEL),
                Arguments.of(OptionRules.DOWNLOAD_PREFETCH, Defaults.DOWNLOAD_PREFETCH),
                Arguments.of(OptionRules.LIST_ITEM_BATCH_SIZE, Defaults.LIST_ITEM_BATCH_SIZE),
                Arguments.of(OptionRules.CELL_WRITE_BATCH_SIZE, Defaults.CELL_WRITE_BATCH_SIZE),
                Arguments.of(OptionRules.MAX_REQUESTS_PER_MINUTE, Defaults.MAX_REQUESTS_PER_MINUTE));
    }

    @ParameterizedTest(name = "{0} default {1}")
    @MethodSource("defaultsInRange")
    void everyDefaultIsInsideItsOwnRange(Range range, long value) {
        assertThatCode(() -> range.check(value)).doesNotThrowAnyException();
    }

    @Test
    void durationsAreNeitherNegativeNorAbsurd() {
        assertThatThrownBy(() -> OptionRules.positiveDuration("timeout", 0)).hasMessage("timeout must be positive, was 0");
        assertThatThrownBy(() -> OptionRules.positiveDuration("timeout", -5)).hasMessage("timeout must not be negative, was -5");
        assertThatThrownBy(() -> OptionRules.nonNegativeDuration("taskTimeout", Long.MAX_VALUE))
                .hasMessageStartingWith("taskTimeout must be at most PT168H, was PT");
        assertThatCode(() -> OptionRules.nonNegativeDuration("taskTimeout", 0)).doesNotThrowAnyException();
        assertThatCode(() -> OptionRules.positiveDuration("timeout", Limits.MAX_DURATION_MILLIS)).doesNotThrowAnyException();
    }

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of(IdShape.HEX32, "8a81b09d599f3c6e0159f605560c2630", true),
                Arguments.of(IdShape.HEX32, "75A40874E6B64FA3AE0743278996850F", true),
                Arguments.of(IdShape.HEX32, "75A40874E6B64FA3AE0743278996850", false),
                Arguments.of(IdShape.HEX32, "75A40874E6B64FA3AE0743278996850G", false),
                Arguments.of(IdShape.HEX32, "../../users/me00000000000000000", false),
                Arguments.of(IdShape.ALNUM32, "hy40d89893084f0dkb985cmme9i5io2a", true),
                Arguments.of(IdShape.ALNUM32, "hy40d89893084f0dkb985cmme9i5io2a/", false),
                Arguments.of(IdShape.DIGITS, "101999999999", true),
                Arguments.of(IdShape.DIGITS, "20000000003", true),
                Arguments.of(IdShape.DIGITS, "101 OR 1", false),
                Arguments.of(IdShape.DIGITS, "", false),
                Arguments.of(IdShape.FILE, "113000000000", true),
                Arguments.of(IdShape.FILE, "116000000000", true),
                Arguments.of(IdShape.FILE, "112000000000", false),
                Arguments.of(IdShape.ACTION, "118000000000", true),
                Arguments.of(IdShape.ACTION, "113000000000", false),
                Arguments.of(IdShape.ACTION, "1120000000001", false));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("ids")
    void idsHaveTheirKindsShape(IdShape shape, String id, boolean fits) {
        assertThat(shape.fits(id)).isEqualTo(fits);
        if (!fits) {
            assertThatThrownBy(() -> OptionRules.id("someId", id, shape)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("someId '" + id + "' is not an Anaplan id of that kind (" + shape.description());
        }
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(AnaplanConstants.WORKSPACE_ID, "abc", "Header CamelAnaplanWorkspaceId 'abc' is not an Anaplan id of that kind (32 hex characters)"),
                Arguments.of(AnaplanConstants.MODEL_ID, "75A4/../x", "Header CamelAnaplanModelId '75A4/../x' is not an Anaplan id"),
                Arguments.of(AnaplanConstants.ACTION_ID, "112abc", "Header CamelAnaplanActionId '112abc' is not an Anaplan id of that kind (12 digits)"),
                Arguments.of(AnaplanConstants.FILE_ID, "118000000000", "Header CamelAnaplanFileId '118000000000' is not an Anaplan id"),
                Arguments.of(AnaplanConstants.TASK_ID, "x", "Header CamelAnaplanTaskId 'x' is not an Anaplan id"),
                Arguments.of(AnaplanConstants.LIST_ID, "101a", "Header CamelAnaplanListId '101a' is not"),
                Arguments.of(AnaplanConstants.MAPPING_PARAMETERS, "Version:Actual\r\nX: 1",
                        "Header CamelAnaplanMappingParameters must not contain control characters (found \\r at position 14), was 'Version:Actual\\r\\nX: 1'"),
                Arguments.of(AnaplanConstants.REVISION_NAME, "v1\u0000", "Header CamelAnaplanRevisionName must not contain control characters (found \\0 at position 2)"),
                Arguments.of(AnaplanConstants.REVISION_DESCRIPTION, "line\u001b[31m", "found \\u001b at position 4"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("headers")
    void headerValuesAreCheckedBeforeTheyReachARequest(String header, String value, String message) {
        assertThatThrownBy(() -> OptionRules.header(header, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void goodHeaderValuesPass() {
        assertThatCode(() -> {
            OptionRules.header(AnaplanConstants.WORKSPACE_ID, "8a81b09d599f3c6e0159f605560c2630");
            OptionRules.header(AnaplanConstants.ACTION_ID, "112000000000");
            OptionRules.header(AnaplanConstants.MAPPING_PARAMETERS, "Version:Actual,Region:North East");
            OptionRules.header(AnaplanConstants.REVISION_DESCRIPTION, "first line\r\nsecond line\twith a tab");
            OptionRules.header(AnaplanConstants.MODEL_ID, null);
        }).doesNotThrowAnyException();
    }

    @Test
    void controlCharactersAreRefusedAndShownEscaped() {
        assertThatThrownBy(() -> OptionRules.singleLine("locale", "en\r\nUS"))
                .hasMessage("locale must not contain control characters (found \\r at position 2), was 'en\\r\\nUS'");
        assertThatThrownBy(() -> OptionRules.singleLine("pages", "a\tb")).hasMessageContaining("found \\t");
        assertThatThrownBy(() -> OptionRules.singleLine("pages", "a\u007fb")).hasMessageContaining("found \\u007f");
        assertThatCode(() -> OptionRules.singleLine("locale", "de_DE")).doesNotThrowAnyException();
        assertThatCode(() -> OptionRules.singleLine("locale", null)).doesNotThrowAnyException();
    }

    @Test
    void aSecretIsNeverShown() {
        assertThatThrownBy(() -> OptionRules.singleLineSecret("password", "s3cr3t\nX"))
                .hasMessage("password must not contain control characters (found \\n at position 6)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void enumOptionsAcceptTheirSpellingsInAnyCaseAndListThemOtherwise() {
        assertThatCode(() -> {
            OptionRules.enumValue("format", ResultFormat.class, "csv");
            OptionRules.enumValue("format", ResultFormat.class, "JSON");
            OptionRules.enumValue("auditType", AuditType.class, "user_activity");
            OptionRules.enumValue("auditType", AuditType.class, "int");
            OptionRules.enumValue("exportType", ExportType.class, "TABULAR_MULTI_COLUMN");
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> OptionRules.enumValue("format", ResultFormat.class, "xml"))
                .hasMessage("format must be csv or json, was xml");
        assertThatThrownBy(() -> OptionRules.enumValue("auditType", AuditType.class, "everything"))
                .hasMessage("auditType must be all, user_activity, access_control, int, conn_mgmt, comment, byok, plan_iq "
                            + "or forecaster, was everything");
        assertThatThrownBy(() -> OptionRules.enumParameters(new java.util.HashMap<>(java.util.Map.of("pageMode", "rows"))))
                .hasMessage("pageMode must be page or stream, was rows");
        assertThatCode(() -> OptionRules.enumParameters(java.util.Map.of("pageMode", "#bean", "other", "x")))
                .doesNotThrowAnyException();
    }

    @Test
    void enumDefaultsAreTheirDefaultSpellings() {
        assertThat(ResultFormat.DEFAULT).isEqualTo(ResultFormat.CSV).hasToString(ResultFormat.DEFAULT_VALUE);
        assertThat(PageMode.DEFAULT).isEqualTo(PageMode.PAGE).hasToString(PageMode.DEFAULT_VALUE);
        assertThat(CertificateAuthFormat.DEFAULT).isEqualTo(CertificateAuthFormat.V2).hasToString("v2");
        assertThat(AuditType.DEFAULT).isEqualTo(AuditType.ALL).hasToString("all");
    }

    @Test
    void longValuesAreCutInMessages() {
        String value = "x".repeat(500);
        assertThat(OptionRules.quote(value)).hasSize(80 + 5).endsWith("...'");
    }
}
