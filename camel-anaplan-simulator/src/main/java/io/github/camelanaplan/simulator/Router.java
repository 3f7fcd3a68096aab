package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method + path template ({@code /2/0/models/{m}/files/{f}}) to handlers. A path that matches
 * with another method answers 405, nothing at all 404.
 */
final class Router {

    /** Handles one routed request. */
    @FunctionalInterface
    interface Handler {
        SimResponse handle(SimRequest req) throws Exception;
    }

    private static final Pattern VAR = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private static final class Route {
        final String method;
        final Pattern pattern;
        final List<String> names;
        final Handler handler;

        Route(String method, Pattern pattern, List<String> names, Handler handler) {
            this.method = method;
            this.pattern = pattern;
            this.names = names;
            this.handler = handler;
        }
    }

    /** Result of routing: the handler with its path parameters, or an error status. */
    static final class Match {
        final Handler handler;
        final Map<String, String> params;
        final int errorStatus;

        Match(Handler handler, Map<String, String> params, int errorStatus) {
            this.handler = handler;
            this.params = params;
            this.errorStatus = errorStatus;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = VAR.matcher(template);
        StringBuilder re = new StringBuilder();
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(last, m.start())));
            re.append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        re.append(Pattern.quote(template.substring(last)));
        re.append("/?");
        routes.add(new Route(method, Pattern.compile(re.toString()), names, handler));
    }

    /** Registers a model-scoped route under both {@code /2/0/workspaces/{ws}/models/{m}} and {@code /2/0/models/{m}}. */
    void model(String method, String suffix, Handler handler) {
        add(method, "/2/0/workspaces/{ws}/models/{m}" + suffix, handler);
        add(method, "/2/0/models/{m}" + suffix, handler);
    }

    Match route(String method, String path) {
        boolean pathMatched = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!r.method.equals(method)) {
                pathMatched = true;
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.names.size(); i++) {
                params.put(r.names.get(i), SimRequest.decode(m.group(i + 1)));
            }
            return new Match(r.handler, params, 0);
        }
        return new Match(null, Map.of(), pathMatched ? 405 : 404);
    }
}
