package io.github.camelanaplan.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The default seed: constants used by tests, docs and examples, and the code that installs it. */
public final class Seed {

    public static final String USERNAME = "integration.user@example.com";
    public static final String PASSWORD = "Sim-Passw0rd!";

    public static final String WORKSPACE_ID = "8a81b09d599f3c6e0159f605560c2630";
    public static final String WORKSPACE_NAME = "Finance Planning";
    public static final String MODEL_ID = "75A40874E6B64FA3AE0743278996850F";
    public static final String MODEL_NAME = "FP&A Model";
    public static final String MODEL2_ID = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
    public static final String MODEL2_NAME = "FP&A Model (copy)";
    public static final String FUTURE_STATE_MODEL_ID = "F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0";
    public static final String FUTURE_STATE = "SOME_FUTURE_STATE";

    public static final String FILE_ID = "113000000000";
    public static final String FILE_NAME = "Employees.csv";
    public static final String FILE2_ID = "113000000001";
    public static final String FILE2_NAME = "Products.csv";
    public static final String IMPORT_ID = "112000000000";
    public static final String IMPORT_NAME = "Employees from Employees.csv";
    public static final String IMPORT2_ID = "112000000001";
    public static final String IMPORT2_NAME = "Products from Products.csv";
    public static final String EXPORT_ID = "116000000000";
    public static final String EXPORT_NAME = "Employees export";
    public static final String PROCESS_ID = "118000000000";
    public static final String PROCESS_NAME = "Load and export";
    public static final String ACTION_ID = "117000000000";
    public static final String ACTION_NAME = "Delete all employees";
    public static final String EMPLOYEES = "Employees";
    /** CloudWorks: an integration running PROCESS_ID in MODEL_ID. */
    public static final String INTEGRATION_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public static final String INTEGRATION_NAME = "Nightly employees load";
    /** ALM: first revision of MODEL_ID, applied to MODEL2_ID. */
    public static final String REVISION_ID = "0E79B89FD214428E8C3A00514B9BE9EE";
    /** ALM: second revision of MODEL_ID, not yet applied to MODEL2_ID (syncable). */
    public static final String REVISION2_ID = "795731A31D1A47EFB3802EA6355C62C4";
    public static final String PRODUCTS = "Products";

    /** Initial content of Employees.csv. */
    public static final String EMPLOYEES_CSV = "Name,Code,Department,Email\n"
            + "Alice Smith,E001,Finance,alice.smith@example.com\n"
            + "Bob Jones,E002,Sales,bob.jones@example.com\n"
            + "Carla Diaz,E003,Finance,carla.diaz@example.com\n"
            + "Dev Patel,E004,Engineering,dev.patel@example.com\n"
            + "Emma Brown,E005,Sales,emma.brown@example.com\n";

    /** Initial content of Products.csv. */
    public static final String PRODUCTS_CSV = "Product,Code,Price\n"
            + "Widget,P001,9.99\n"
            + "Gadget,P002,24.50\n"
            + "Gizmo,P003,99.00\n";

    private Seed() {
    }

    static void installDefault(SimTenant tenant, SimAuth auth) {
        auth.addUser(USERNAME, PASSWORD);
        tenant.addWorkspace(WORKSPACE_ID, WORKSPACE_NAME);
        populate(tenant.addModel(WORKSPACE_ID, MODEL_ID, MODEL_NAME, "UNLOCKED"));
        populate(tenant.addModel(WORKSPACE_ID, MODEL2_ID, MODEL2_NAME, "UNLOCKED"));
        tenant.addModel(WORKSPACE_ID, FUTURE_STATE_MODEL_ID, "Model from the future", FUTURE_STATE);
        long day = 86_400_000L;
        long now = System.currentTimeMillis();
        SimModel dev = tenant.model(MODEL_ID);
        SimModel prod = tenant.model(MODEL2_ID);
        dev.addRevision(REVISION_ID, "Release 1.0", "First release", now - 10 * day);
        dev.addRevision(REVISION2_ID, "Release 1.1", "Adds the Products module", now - 5 * day);
        prod.applyRevision(dev, REVISION_ID, now - 9 * day);
    }

    /** Installs the seeded files, actions and targets into a model. */
    static void populate(SimModel m) {
        m.addFile(FILE_ID, FILE_NAME);
        m.putFileContent(FILE_ID, EMPLOYEES_CSV.getBytes(StandardCharsets.UTF_8));
        m.addFile(FILE2_ID, FILE2_NAME);
        m.putFileContent(FILE2_ID, PRODUCTS_CSV.getBytes(StandardCharsets.UTF_8));
        m.addImport(IMPORT_ID, IMPORT_NAME, FILE_ID, EMPLOYEES, "HIERARCHY_DATA");
        m.addImport(IMPORT2_ID, IMPORT2_NAME, FILE2_ID, PRODUCTS, "MODULE_DATA");
        m.addExport(EXPORT_ID, EXPORT_NAME, EMPLOYEES);
        m.addProcess(PROCESS_ID, PROCESS_NAME, IMPORT_ID, EXPORT_ID);
        m.addAction(ACTION_ID, ACTION_NAME, "DELETE_BY_SELECTION", EMPLOYEES);
        m.setRows(EMPLOYEES, List.of("Name", "Code", "Department", "Email"), List.of());
        m.setRows(PRODUCTS, List.of("Product", "Code", "Price"), List.of());
        m.transactional.populateDefault();
    }
}
