package io.github.camelanaplan.examples.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Writes an exported CSV (the body: an {@code InputStream}, read as it arrives) into a database table, replacing its
 * rows in one transaction: the table is created from the CSV header when missing (one VARCHAR column per CSV
 * column), emptied, then filled with batched inserts. Sets {@link Movements#RECORDS} to the number of rows written.
 */
public class CsvTableWriter implements Processor {

    private DataSource dataSource;
    private String table = "EMPLOYEES_EXPORT";
    private int batchSize = 1000;

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The table to fill (an SQL identifier, not quoted); default EMPLOYEES_EXPORT. */
    public void setTable(String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.table = table;
    }

    public String getTable() {
        return table;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InputStream body = exchange.getMessage().getMandatoryBody(InputStream.class);
        long rows = 0;
        try (InputStream in = body;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536);
             Connection connection = dataSource.getConnection()) {
            Csv.RecordReader records = new Csv.RecordReader(reader);
            List<String> header = records.next();
            if (header == null) {
                throw new IllegalStateException("the export is empty: no header line");
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                createTable(connection, header);
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                StringJoiner marks = new StringJoiner(",", "(", ")");
                header.forEach(h -> marks.add("?"));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES " + marks)) {
                    List<String> record;
                    int pending = 0;
                    while ((record = records.next()) != null) {
                        if (record.size() == 1 && record.get(0).isEmpty()) {
                            continue;
                        }
                        for (int i = 0; i < header.size(); i++) {
                            insert.setString(i + 1, i < record.size() ? record.get(i) : null);
                        }
                        insert.addBatch();
                        rows++;
                        if (++pending == batchSize) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        exchange.getMessage().setHeader(Movements.RECORDS, rows);
        exchange.getMessage().setBody(rows);
    }

    private void createTable(Connection connection, List<String> header) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        for (String h : header) {
            columns.add("\"" + h.replace("\"", "\"\"") + "\" VARCHAR(1000)");
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")");
        }
    }
}
