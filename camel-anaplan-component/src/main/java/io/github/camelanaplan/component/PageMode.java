package io.github.camelanaplan.component;

/** How the readView and readList consumers emit a read (option {@code pageMode}). */
public enum PageMode {
    /** One exchange per page (byte[] CSV). */
    PAGE("page"),
    /** One exchange whose body streams all pages. */
    STREAM("stream");

    /** The default as a URI spells it (what the catalog shows). */
    public static final String DEFAULT_VALUE = "page";
    /** The default, found from {@link #DEFAULT_VALUE} so the two cannot disagree. */
    public static final PageMode DEFAULT = EnumOptions.byValue(PageMode.class, DEFAULT_VALUE);

    private final String value;

    PageMode(String value) {
        this.value = value;
    }

    /** The spelling in a URI; Camel converts it back (case-insensitively) and the catalog lists it. */
    @Override
    public String toString() {
        return value;
    }
}
