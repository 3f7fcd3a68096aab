package io.github.camelanaplan.simulator;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running an {@link AnaplanSimulator}: as a static field it lives for the test class,
 * as an instance field for each test.
 *
 * <pre>{@code @RegisterExtension static SimulatorExtension sim = new SimulatorExtension();}</pre>
 *
 * JUnit is a provided dependency of the simulator: the test project brings its own.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SimulatorOptions options;
    private AnaplanSimulator sim;
    private boolean perClass;
    private int classDepth;

    public SimulatorExtension() {
        this(SimulatorOptions.defaults());
    }

    public SimulatorExtension(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (classDepth++ == 0) {
            sim = AnaplanSimulator.start(options);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0 && sim != null) {
            sim.close();
            sim = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass && sim == null) {
            sim = AnaplanSimulator.start(options);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass && sim != null) {
            sim.close();
            sim = null;
        }
    }

    /** The running simulator. */
    public AnaplanSimulator simulator() {
        if (sim == null) {
            throw new IllegalStateException("the simulator runs only while tests run");
        }
        return sim;
    }

    public String baseUrl() { return simulator().baseUrl(); }
    public String authUrl() { return simulator().authUrl(); }
    public String oauthUrl() { return simulator().oauthUrl(); }
    public String apiUrl() { return simulator().apiUrl(); }
    public String auditUrl() { return simulator().auditUrl(); }
    public String cloudWorksUrl() { return simulator().cloudWorksUrl(); }
    public int port() { return simulator().port(); }
    public Journal journal() { return simulator().journal(); }
    public Faults faults() { return simulator().faults(); }
    public Lies lies() { return simulator().lies(); }
    public Lie lie(Lie lie) { return simulator().lie(lie); }
    public SimAuth auth() { return simulator().auth(); }
    public SimTenant tenant() { return simulator().tenant(); }
    public SimAudit audit() { return simulator().audit(); }
    public SimCloudWorks cloudWorks() { return simulator().cloudWorks(); }
    public List<String> strictViolations() { return simulator().strictViolations(); }
}
