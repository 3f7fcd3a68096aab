package io.github.camelanaplan.examples.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.camelanaplan.client.error.AnaplanActionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a file whose import failed: writes the import's failure dump beside where the file consumer's
 * {@code moveFailed} puts the file, as {@code <errorFolder>/<name>.dump.csv}. Use it in an {@code onException}
 * that leaves the exception unhandled, so the file consumer still moves the file to the error folder.
 */
public class FailureDumpWriter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FailureDumpWriter.class);

    private String errorFolder = ".error";

    /** The error folder, relative to the folder the file came from (as {@code moveFailed}); default {@code .error}. */
    public void setErrorFolder(String errorFolder) {
        this.errorFolder = errorFolder;
    }

    public String getErrorFolder() {
        return errorFolder;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
        if (name == null || parent == null) {
            return;
        }
        Path folder = Paths.get(parent).resolve(errorFolder);
        Files.createDirectories(folder);
        Path dumpFile = folder.resolve(name + ".dump.csv");
        String dump = cause instanceof AnaplanActionException ? ((AnaplanActionException) cause).getFailureDump() : null;
        String content = dump != null ? dump
                : "_Status_,_Error_1_\nE," + Csv.line(String.valueOf(cause == null ? "unknown failure" : cause.getMessage()));
        Files.writeString(dumpFile, content, StandardCharsets.UTF_8);
        LOG.warn("Import of {} failed; it goes to {} with its failure dump {}", name, folder, dumpFile.getFileName());
    }
}
