package io.github.camelanaplan.component;

/** The event category of audit/events (option {@code auditType}); the spellings are the Audit API's. */
public enum AuditType {
    ALL("all"),
    USER_ACTIVITY("user_activity"),
    ACCESS_CONTROL("access_control"),
    INT("int"),
    CONN_MGMT("conn_mgmt"),
    COMMENT("comment"),
    BYOK("byok"),
    PLAN_IQ("plan_iq"),
    FORECASTER("forecaster");

    /** The default as a URI spells it (what the catalog shows). */
    public static final String DEFAULT_VALUE = "all";
    /** The default, found from {@link #DEFAULT_VALUE} so the two cannot disagree. */
    public static final AuditType DEFAULT = EnumOptions.byValue(AuditType.class, DEFAULT_VALUE);

    private final String value;

    AuditType(String value) {
        this.value = value;
    }

    /** The spelling in a URI and on the wire; Camel converts it back (case-insensitively) and the catalog lists it. */
    @Override
    public String toString() {
        return value;
    }
}
