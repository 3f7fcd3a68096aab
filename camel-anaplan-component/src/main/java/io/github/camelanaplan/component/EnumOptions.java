package io.github.camelanaplan.component;

/** What the enum options share. */
final class EnumOptions {

    private EnumOptions() {
    }

    /** The constant whose URI spelling ({@code toString}) is {@code value}. */
    static <E extends Enum<E>> E byValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no value " + value);
    }
}
