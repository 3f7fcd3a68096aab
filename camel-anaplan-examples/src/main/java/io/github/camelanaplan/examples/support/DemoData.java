package io.github.camelanaplan.examples.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generated employees in the shape of the simulator's {@code Employees.csv} ({@code Name,Code,Department,Email}),
 * keyed by name: {@code <prefix>-0000001}, … Each example uses its own prefix, so what each one imported can be told
 * apart in the model.
 */
public final class DemoData {

    public static final String HEADER = "Name,Code,Department,Email";
    private static final String[] DEPARTMENTS = {"Finance", "Sales", "Engineering", "Marketing", "Operations"};

    private DemoData() {
    }

    /** The key (Name) of employee {@code i} of a source. */
    public static String name(String prefix, long i) {
        return String.format("%s-%07d", prefix, i);
    }

    /** One CSV line (without newline) for employee {@code i}. */
    public static String line(String prefix, long i) {
        return name(prefix, i) + "," + prefix + i + "," + DEPARTMENTS[(int) (i % DEPARTMENTS.length)] + ","
               + prefix.toLowerCase() + "." + i + "@example.com";
    }

    /**
     * Writes employees {@code from..to} as a CSV file with header, first under a temporary name beside it, then renamed
     * into place, so a watching file consumer never sees it half written.
     */
    public static Path writeCsv(Path folder, String fileName, String prefix, long from, long to, String extraLines)
            throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + fileName + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (long i = from; i <= to; i++) {
                w.write(line(prefix, i));
                w.write('\n');
            }
            if (extraLines != null) {
                w.write(extraLines);
            }
        }
        return Files.move(tmp, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Creates the table {@code EMPLOYEES(NAME, CODE, DEPARTMENT, EMAIL)} in H2, filled with {@code rows} rows (one
     * CREATE TABLE … AS SELECT: the fastest way H2 has to write a million rows).
     */
    public static void createEmployeesTable(Connection connection, String prefix, long rows) throws SQLException {
        StringBuilder department = new StringBuilder("CASE MOD(X, 5)");
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            department.append(" WHEN ").append(i).append(" THEN '").append(DEPARTMENTS[i]).append('\'');
        }
        department.append(" END");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE EMPLOYEES AS SELECT CAST('" + prefix + "-' || LPAD(CAST(X AS VARCHAR), 7, '0') AS "
                      + "VARCHAR(40)) NAME, CAST('" + prefix + "' || X AS VARCHAR(20)) CODE, CAST(" + department
                      + " AS VARCHAR(20)) DEPARTMENT, CAST('" + prefix.toLowerCase() + ".' || X || '@example.com' AS "
                      + "VARCHAR(60)) EMAIL FROM SYSTEM_RANGE(1, " + rows + ")");
        }
    }
}
