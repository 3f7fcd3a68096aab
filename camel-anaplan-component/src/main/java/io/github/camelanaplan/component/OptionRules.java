package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelanaplan.client.Limits;

/**
 * What a value of an option or header may be: ranges, id shapes, and no control characters in text that travels in
 * a request. Pure checks; each failure is an IllegalArgumentException that names the option (or header) and shows the
 * bad value, escaped (never the value of a secret). Endpoint creation and the per-message header reading both use
 * them, so nothing is sent with a value that breaks a rule.
 */
final class OptionRules {

    private OptionRules() {
    }

    /** A number option's bounds and how its message states them below and above. */
    record Range(String option, long min, long max, String belowText, String aboveText) {

        void check(long value) {
            if (value < min) {
                throw new IllegalArgumentException(option + " must be " + belowText + ", was " + value);
            }
            if (value > max) {
                throw new IllegalArgumentException(option + " must be " + aboveText + ", was " + value);
            }
        }

        /** Inclusive bounds stated the same way on both sides: "1 to 9". */
        static Range between(String option, long min, long max, String note) {
            String text = min + " to " + max + note;
            return new Range(option, min, max, text, text);
        }

        /** A floor that is the usual mistake, and a sanity ceiling: "0 or more" / "at most 100". */
        static Range atLeast(String option, long min, String minNote, long max) {
            return new Range(option, min, max, min + minNote + " or more", "at most " + max);
        }
    }

    static final Range RETRY_COUNT = Range.atLeast("retryCount", 0, "", Limits.MAX_RETRY_COUNT);
    static final Range MAX_REQUESTS_PER_MINUTE = Range.atLeast("maxRequestsPerMinute", 0, " (no limit)",
            Limits.MAX_REQUESTS_PER_MINUTE);
    static final Range UPLOAD_CHUNK_SIZE = new Range("uploadChunkSize", Limits.MIN_UPLOAD_CHUNK_SIZE,
            Limits.MAX_UPLOAD_CHUNK_SIZE, bytesBetween(), bytesBetween());
    static final Range COMPRESSION_LEVEL = Range.between("compressionLevel", Limits.MIN_COMPRESSION_LEVEL,
            Limits.MAX_COMPRESSION_LEVEL, "");
    static final Range UPLOAD_PARALLELISM = Range.atLeast("uploadParallelism", 0, " (number of cores)",
            Limits.MAX_UPLOAD_PARALLELISM);
    static final Range DOWNLOAD_PREFETCH = Range.atLeast("downloadPrefetch", 1, "", Limits.MAX_DOWNLOAD_PREFETCH);
    static final Range LIST_ITEM_BATCH_SIZE = Range.between("listItemBatchSize", 1, Limits.MAX_LIST_ITEM_BATCH_SIZE,
            " (Anaplan's limit per call)");
    static final Range CELL_WRITE_BATCH_SIZE = Range.atLeast("cellWriteBatchSize", 1, "",
            Limits.MAX_CELL_WRITE_BATCH_SIZE);
    static final Range MAX_ROWS = Range.atLeast("maxRows", 1, "", Limits.MAX_ROWS);
    /** 0 means not set (dateFrom/dateTo are used). */
    static final Range INTERVAL_IN_HOURS = new Range("intervalInHours", 0, Limits.MAX_AUDIT_INTERVAL_HOURS,
            "1 to " + Limits.MAX_AUDIT_INTERVAL_HOURS + " (30 days)", "1 to " + Limits.MAX_AUDIT_INTERVAL_HOURS + " (30 days)");
    static final Range PROXY_PORT = Range.between("proxyPort", 0, Limits.MAX_PORT, "");

    private static String bytesBetween() {
        return "between " + Limits.MIN_UPLOAD_CHUNK_SIZE + " and " + Limits.MAX_UPLOAD_CHUNK_SIZE + " bytes";
    }

    /** A duration that must be more than zero (and at most a week). */
    static void positiveDuration(String option, long millis) {
        nonNegativeDuration(option, millis);
        if (millis == 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + millis);
        }
    }

    /** A duration where zero means "none" or "at once" (and at most a week). */
    static void nonNegativeDuration(String option, long millis) {
        nonNegativeDuration(option, millis, Limits.MAX_DURATION_MILLIS, Duration.ofMillis(Limits.MAX_DURATION_MILLIS).toString());
    }

    /** A duration where zero means "none" or "at once", up to {@code maxMillis} (stated as {@code maxText}). */
    static void nonNegativeDuration(String option, long millis, long maxMillis, String maxText) {
        if (millis < 0) {
            throw new IllegalArgumentException(option + " must not be negative, was " + millis);
        }
        if (millis > maxMillis) {
            throw new IllegalArgumentException(option + " must be at most " + maxText + ", was " + Duration.ofMillis(millis));
        }
    }

    /** The enum-typed options, so a wrong value is refused listing the right ones (Camel's own message does not). */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_OPTIONS = Map.of(
            "format", ResultFormat.class,
            "pageMode", PageMode.class,
            "certificateAuthFormat", CertificateAuthFormat.class,
            "exportType", ExportType.class,
            "auditType", AuditType.class);

    /**
     * Checks the enum options among an endpoint URI's parameters before Camel converts them: a value must be one of
     * the enum's spellings (in any case, as Camel converts them). Bean references and non-text values are left to Camel.
     */
    static void enumParameters(Map<String, Object> parameters) {
        ENUM_OPTIONS.forEach((option, type) -> {
            Object value = parameters.get(option);
            if (value instanceof String text && !text.startsWith("#")) {
                enumValue(option, type, text);
            }
        });
    }

    static void enumValue(String option, Class<? extends Enum<?>> type, String value) {
        Enum<?>[] constants = type.getEnumConstants();
        for (Enum<?> constant : constants) {
            if (constant.toString().equalsIgnoreCase(value.trim()) || constant.name().equalsIgnoreCase(value.trim())) {
                return;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            allowed.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ").append(constants[i]);
        }
        throw new IllegalArgumentException(option + " must be " + allowed + ", was " + escaped(value));
    }

    /** The shapes of Anaplan's ids. */
    enum IdShape {
        /** Workspaces, models, ALM revisions. */
        HEX32("[0-9A-Fa-f]{32}", "32 hex characters"),
        /** Bulk task ids (32 hex), CloudWorks integration and run ids (32 lower-case letters or digits). */
        ALNUM32("[0-9A-Za-z]{32}", "32 letters or digits"),
        /** Lists, modules, views, dimensions, nested actions: 11x... and 20000000003-style ids. */
        DIGITS("[0-9]{1,19}", "digits"),
        /** Server files (113...) and export files (116...). */
        FILE("11[36][0-9]{9}", "12 digits starting 113 or 116"),
        /** An action id of any kind; which kinds an operation takes is its own check. */
        ACTION_ANY("[0-9]{12}", "12 digits"),
        /** Imports 112..., exports 116..., actions 117..., processes 118.... */
        ACTION("11[2678][0-9]{9}", "12 digits starting 112 import, 116 export, 118 process or 117 action");

        private final Pattern pattern;
        private final String description;

        IdShape(String regex, String description) {
            this.pattern = Pattern.compile(regex);
            this.description = description;
        }

        boolean fits(String id) {
            return pattern.matcher(id).matches();
        }

        String description() {
            return description;
        }
    }

    /** Checks an id option (null: not set), naming it. */
    static void id(String option, String value, IdShape shape) {
        if (value != null && !shape.fits(value)) {
            throw new IllegalArgumentException(option + " " + quote(value) + " is not an Anaplan id of that kind ("
                                               + shape.description() + ")");
        }
    }

    /** What each id-carrying header must look like. */
    private static final Map<String, IdShape> HEADER_IDS = Map.ofEntries(
            Map.entry(AnaplanConstants.WORKSPACE_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.MODEL_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.FILE_ID, IdShape.FILE),
            Map.entry(AnaplanConstants.ACTION_ID, IdShape.ACTION_ANY),
            Map.entry(AnaplanConstants.TASK_ID, IdShape.ALNUM32),
            Map.entry(AnaplanConstants.OBJECT_ID, IdShape.DIGITS),
            Map.entry(AnaplanConstants.LIST_ID, IdShape.DIGITS),
            Map.entry(AnaplanConstants.MODULE_ID, IdShape.DIGITS),
            Map.entry(AnaplanConstants.VIEW_ID, IdShape.DIGITS),
            Map.entry(AnaplanConstants.SOURCE_MODEL_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.REVISION_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.SOURCE_REVISION_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.TARGET_REVISION_ID, IdShape.HEX32),
            Map.entry(AnaplanConstants.INTEGRATION_ID, IdShape.ALNUM32),
            Map.entry(AnaplanConstants.RUN_ID, IdShape.ALNUM32),
            Map.entry(AnaplanConstants.DIMENSION_ID, IdShape.DIGITS));

    /** Checks a value read from a message header before it reaches a request: an id's shape, or plain text. */
    static void header(String header, String value) {
        if (value == null) {
            return;
        }
        IdShape shape = HEADER_IDS.get(header);
        if (shape != null) {
            if (!shape.fits(value)) {
                throw new IllegalArgumentException("Header " + header + " " + quote(value)
                                                   + " is not an Anaplan id of that kind (" + shape.description() + ")");
            }
            return;
        }
        if (AnaplanConstants.REVISION_DESCRIPTION.equals(header)) {
            multiLine("Header " + header, value);
        } else {
            singleLine("Header " + header, value);
        }
    }

    /** Text that goes into a request (query, JSON body, header): no control character at all (CR, LF, NUL, C0, DEL). */
    static void singleLine(String option, String value) {
        int at = controlCharacter(value, false);
        if (at >= 0) {
            throw new IllegalArgumentException(option + " must not contain control characters (found "
                                               + escape(value.charAt(at)) + " at position " + at + "), was " + quote(value));
        }
    }

    /** Like {@link #singleLine} for a secret: the message never shows the value. */
    static void singleLineSecret(String option, String value) {
        int at = controlCharacter(value, false);
        if (at >= 0) {
            throw new IllegalArgumentException(option + " must not contain control characters (found "
                                               + escape(value.charAt(at)) + " at position " + at + ")");
        }
    }

    /** Free text such as a description: line breaks and tabs are fine, other control characters are not. */
    static void multiLine(String option, String value) {
        int at = controlCharacter(value, true);
        if (at >= 0) {
            throw new IllegalArgumentException(option + " must not contain control characters other than line breaks "
                                               + "and tabs (found " + escape(value.charAt(at)) + " at position " + at + ")");
        }
    }

    private static int controlCharacter(String value, boolean allowLineBreaks) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    /** The value in quotes with control characters escaped and long values cut, safe for a message or a log line. */
    static String quote(String value) {
        return "'" + escaped(value) + "'";
    }

    /** The value with control characters escaped and cut after 80 characters. */
    static String escaped(String value) {
        int max = 80;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < max; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? escape(c) : String.valueOf(c));
        }
        if (value.length() > max) {
            out.append("...");
        }
        return out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case 0:
                return "\\0";
            default:
                return String.format("\\u%04x", (int) c);
        }
    }
}
