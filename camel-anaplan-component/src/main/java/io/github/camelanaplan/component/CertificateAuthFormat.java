package io.github.camelanaplan.component;

/** The signed payload of certificate authentication (option {@code certificateAuthFormat}). */
public enum CertificateAuthFormat {
    V1("v1"),
    /** Timestamped. */
    V2("v2");

    /** The default as a URI spells it (what the catalog shows). */
    public static final String DEFAULT_VALUE = "v2";
    /** The default, found from {@link #DEFAULT_VALUE} so the two cannot disagree. */
    public static final CertificateAuthFormat DEFAULT = EnumOptions.byValue(CertificateAuthFormat.class, DEFAULT_VALUE);

    private final String value;

    CertificateAuthFormat(String value) {
        this.value = value;
    }

    /** The spelling in a URI and the one the engine takes; Camel converts it back (case-insensitively). */
    @Override
    public String toString() {
        return value;
    }
}
