package io.github.camelanaplan.component;

/** What transactional/viewData and transactional/listItems answer (option {@code format}). */
public enum ResultFormat {
    /** An InputStream of CSV. */
    CSV("csv"),
    /** Typed rows or items. */
    JSON("json");

    /** The default as a URI spells it (what the catalog shows). */
    public static final String DEFAULT_VALUE = "csv";
    /** The default, found from {@link #DEFAULT_VALUE} so the two cannot disagree. */
    public static final ResultFormat DEFAULT = EnumOptions.byValue(ResultFormat.class, DEFAULT_VALUE);

    private final String value;

    ResultFormat(String value) {
        this.value = value;
    }

    /** The spelling in a URI; Camel converts it back (case-insensitively) and the catalog lists it. */
    @Override
    public String toString() {
        return value;
    }
}
