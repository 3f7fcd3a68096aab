package io.github.camelanaplan.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar camel-anaplan-simulator-VERSION-standalone.jar --port 8089 --seed seed.json
 * [--token-ttl 35m] [--task-duration 2s] [--https] [--strict] [--throughput]}. Runs until killed.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options == null) {
            usage(System.out);
            return;
        }
        AnaplanSimulator sim = AnaplanSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "anaplan-sim-shutdown"));
        printBanner(sim, options, System.out);
        stopped.await();
    }

    /** Parses the arguments; null means "print usage". */
    static SimulatorOptions parse(String[] args) {
        SimulatorOptions o = SimulatorOptions.defaults().port(8089);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h":
                case "--help":
                    return null;
                case "--port":
                    o = o.port(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--seed":
                    o = o.seed(Path.of(value(args, ++i, a)));
                    break;
                case "--token-ttl":
                    o = o.tokenTtl(DurationParser.parse(value(args, ++i, a)));
                    break;
                case "--task-duration":
                    o = o.taskDuration(DurationParser.parse(value(args, ++i, a)));
                    break;
                case "--https":
                    o = o.https(true);
                    break;
                case "--strict":
                    o = o.strict(true);
                    break;
                case "--throughput":
                    o = o.throughputMode(true);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return o;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    static void usage(PrintStream out) {
        out.println("Anaplan simulator - a stateful fake of the Anaplan APIs on loopback");
        out.println("usage: java -jar camel-anaplan-simulator-standalone.jar [--port 8089] [--seed seed.json]");
        out.println("           [--token-ttl 35m] [--task-duration 300ms] [--https] [--strict] [--throughput]");
    }

    static void printBanner(AnaplanSimulator sim, SimulatorOptions options, PrintStream out) {
        out.println("Anaplan simulator listening on " + sim.baseUrl());
        out.println("  authUrl       " + sim.authUrl());
        out.println("  oauthUrl      " + sim.oauthUrl());
        out.println("  apiUrl        " + sim.apiUrl());
        out.println("  auditUrl      " + sim.auditUrl());
        out.println("  cloudWorksUrl " + sim.cloudWorksUrl());
        if (options.seed() == null) {
            out.println("Default seed:");
            out.println("  user          " + Seed.USERNAME + " / " + Seed.PASSWORD);
            out.println("  workspace     " + Seed.WORKSPACE_ID + " (" + Seed.WORKSPACE_NAME + ")");
            out.println("  model         " + Seed.MODEL_ID + " (" + Seed.MODEL_NAME + ")");
            out.println("  file          " + Seed.FILE_ID + " (" + Seed.FILE_NAME + "), import " + Seed.IMPORT_ID
                    + ", export " + Seed.EXPORT_ID + ", process " + Seed.PROCESS_ID + ", action " + Seed.ACTION_ID);
        } else {
            out.println("Seed loaded from " + options.seed());
            sim.auth().users().forEach((user, password) -> out.println("  user          " + user + " / " + password));
            for (SimModel m : sim.tenant().models()) {
                out.println("  model         " + m.id() + " (" + m.name() + ") in workspace " + m.workspaceId());
            }
        }
        if (options.https()) {
            out.println("HTTPS trust store: " + sim.trustStorePath() + " (PKCS12, password " + sim.trustStorePassword() + ")");
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
    }
}
