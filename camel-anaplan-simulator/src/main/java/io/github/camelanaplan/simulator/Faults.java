package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fault injection: rules checked in the order added; the first one that fires wins. */
public final class Faults {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<String> fired = new CopyOnWriteArrayList<>();

    /** Adds a rule and returns it (to query {@link FaultRule#firedCount()} later). */
    public FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    /** Removes all rules and the fired history. */
    public void clear() {
        rules.clear();
        fired.clear();
    }

    /** Names of the faults that fired, in order. */
    public List<String> fired() {
        return new ArrayList<>(fired);
    }

    /** Number of faults that fired. */
    public int firedCount() {
        return fired.size();
    }

    public List<FaultRule> rules() {
        return new ArrayList<>(rules);
    }

    FaultRule match(String method, String path) {
        for (FaultRule r : rules) {
            if (r.tryFire(method, path)) {
                fired.add(r.name());
                return r;
            }
        }
        return null;
    }
}
