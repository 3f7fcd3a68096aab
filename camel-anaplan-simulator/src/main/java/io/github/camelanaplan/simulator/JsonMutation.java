package io.github.camelanaplan.simulator;

/**
 * One change a {@link Lie} made to an honest JSON answer: what kind, where (a JSON pointer into the honest
 * answer), and the value before and after as JSON text ({@code null} when absent).
 */
public record JsonMutation(Kind kind, String pointer, String before, String after) {

    /** What was done at {@link #pointer()}. */
    public enum Kind {
        DROP_FIELD, CHANGE_TYPE, NULL_VALUE, TRUNCATE_ARRAY, DUPLICATE_ELEMENT, SWAP_VALUE, SET_FIELD
    }

    @Override
    public String toString() {
        return kind + " " + pointer + ": " + before + " -> " + after;
    }
}
