package io.github.camelanaplan.client.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.github.camelanaplan.client.error.AnaplanNameException;

/**
 * Which object a name means. Pure. Only an exact (case-sensitive) match counts: a route written for "Employees" never
 * silently runs "employees" in another model. Case-insensitive, trimmed and near (small edit distance) names are only
 * shown as candidates in the error, so a typo is easy to fix.
 */
public final class NameMatch {

    /** At most this many candidates are listed in an error. */
    static final int MAX_CANDIDATES = 5;

    private NameMatch() {
    }

    /**
     * The one object named exactly {@code name}.
     *
     * @param what how the kind is named in the message ("model", "import, export, process or action"...)
     * @throws AnaplanNameException when none or several match
     */
    public static Named match(String what, String name, List<Named> objects) {
        List<Named> exact = new ArrayList<>();
        for (Named o : objects) {
            if (name.equals(o.name())) {
                exact.add(o);
            }
        }
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (exact.size() > 1) {
            List<String> shown = exact.stream().map(NameMatch::shownWithKind).toList();
            throw new AnaplanNameException("The " + what + " name '" + name + "' matches " + exact.size()
                                           + " objects: " + String.join(", ", shown) + "; use the id instead",
                    what, name, shown);
        }
        List<String> close = candidates(name, objects);
        throw new AnaplanNameException("No " + what + " is named '" + name + "'"
                                       + (close.isEmpty() ? " (" + objects.size() + " " + what + " names looked at)"
                                               : "; close candidates: " + String.join(", ", close)),
                what, name, close);
    }

    /** Objects whose names are close to {@code name}: equal ignoring case and surrounding blanks first, then nearest. */
    static List<String> candidates(String name, List<Named> objects) {
        String key = normal(name);
        record Scored(Named named, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Named o : objects) {
            if (o.name() == null) {
                continue;
            }
            String other = normal(o.name());
            int score;
            if (other.equals(key)) {
                score = 0;
            } else {
                int distance = distance(key, other);
                int allowed = Math.max(2, Math.min(key.length(), other.length()) / 4);
                if (distance <= allowed) {
                    score = distance;
                } else if (!key.isEmpty() && (other.contains(key) || key.contains(other))) {
                    score = allowed + 1; // a part of the name: shown after the near misses
                } else {
                    continue;
                }
            }
            scored.add(new Scored(o, score));
        }
        scored.sort(Comparator.comparingInt(Scored::score));
        return scored.stream().limit(MAX_CANDIDATES).map(s -> shownWithKind(s.named())).toList();
    }

    private static String shownWithKind(Named o) {
        return o.kind() == null ? o.shown() : o.kind() + " " + o.shown();
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. Names are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
