package io.github.camelanaplan.simulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which requests a {@link FaultRule} or a {@link Lie} acts on, and its count: a method ("*" for any) and a regex over
 * the whole path; it fires on the {@code occurrence}-th match (1-based) and the following ones until it fired
 * {@code times} times. Guarded by its owner's lock.
 */
final class RequestSelector {

    final String method;
    final Pattern path;
    private int occurrence = 1;
    private int times = 1;
    private int matched;
    private int fired;

    RequestSelector(String method, String pathRegex) {
        this.method = Objects.requireNonNull(method);
        this.path = Pattern.compile(pathRegex);
    }

    void occurrence(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("occurrence is 1-based");
        }
        occurrence = n;
    }

    void times(int n) {
        times = n;
    }

    boolean matches(String reqMethod, String reqPath) {
        return ("*".equals(method) || method.equalsIgnoreCase(reqMethod)) && path.matcher(reqPath).matches();
    }

    /** Counts one match and tells whether it fires on it. */
    boolean count() {
        matched++;
        if (matched >= occurrence && fired < times) {
            fired++;
            return true;
        }
        return false;
    }

    int fired() {
        return fired;
    }

    /** The same selection, counts at zero. */
    RequestSelector copy() {
        RequestSelector c = new RequestSelector(method, path.pattern());
        c.occurrence = occurrence;
        c.times = times;
        return c;
    }

    @Override
    public String toString() {
        return method + " " + path.pattern();
    }
}
