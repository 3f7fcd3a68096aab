package io.github.camelanaplan.component;

import java.io.IOException;
import java.io.InputStream;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.bulk.RowCounts;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.transfer.ChunkedInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the operations of every API family share: reading ids from headers or options, and setting results.
 * Subclasses turn one message into the work to run ({@link #prepare}); inputs are checked on the caller's thread, the
 * returned work runs on the client's worker pool.
 */
abstract class OperationSupport {

    protected final AnaplanEndpoint endpoint;

    OperationSupport(AnaplanEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Checks the message's inputs and returns the work that performs the operation. */
    abstract Runnable prepare(Exchange exchange, AnaplanOperation operation);

    AnaplanConfiguration config() {
        return endpoint.getConfiguration();
    }

    AnaplanClient client() {
        return endpoint.client();
    }

    String modelId(Message in, AnaplanOperation operation) {
        return require(in, AnaplanConstants.MODEL_ID, config().getModelId(), "modelId", operation);
    }

    void setContent(Message in, InputStream content) {
        if (content instanceof ChunkedInputStream) {
            in.setHeader(AnaplanConstants.CHUNK_COUNT, ((ChunkedInputStream) content).chunkCount());
        }
        if (config().isStreaming()) {
            in.setBody(content);
            return;
        }
        try (InputStream stream = content) {
            in.setBody(stream.readAllBytes());
        } catch (IOException e) {
            throw new AnaplanException("Download failed: " + e.getMessage(), e);
        }
    }

    static void setTaskHeaders(Message in, TaskStatus status) {
        in.setHeader(AnaplanConstants.TASK_ID, status.taskId());
        in.setHeader(AnaplanConstants.TASK_STATE, status.taskState().name());
        in.setHeader(AnaplanConstants.TASK_SUCCESSFUL, status.isSuccessful());
        if (status.result() != null) {
            in.setHeader(AnaplanConstants.FAILURE_DUMP_AVAILABLE, status.result().isFailureDumpAvailable());
            RowCounts rows = status.result().rowCounts();
            setIfPresent(in, AnaplanConstants.ROWS_PROCESSED, rows.processed());
            setIfPresent(in, AnaplanConstants.ROWS_IGNORED, rows.ignored());
            setIfPresent(in, AnaplanConstants.ROWS_FAILED, rows.failed());
            setIfPresent(in, AnaplanConstants.ROWS_TOTAL, rows.total());
        }
    }

    private static void setIfPresent(Message in, String header, Long value) {
        if (value != null) {
            in.setHeader(header, value);
        }
    }

    static String require(Message in, String header, String option, String name, AnaplanOperation operation) {
        String value = optional(in, header, option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(operation.uriName() + " needs " + name + ": set the " + name + " option"
                                               + (header == null ? "" : " or the " + header + " header"));
        }
        return value;
    }

    /**
     * The header's value, checked by {@link OptionRules#header}; else the id a name of this message resolved to
     * ({@link NameBinding}); else the option's (checked at endpoint creation).
     */
    static String optional(Message in, String header, String option) {
        String text = headerText(in, header);
        if (text != null) {
            return text;
        }
        String resolved = header == null ? null : NameBinding.of(in).get(header);
        return resolved != null ? resolved : option;
    }

    /**
     * The header as text, converted with Camel's type converters (a Long id, a UUID...), and checked: an id's shape, or
     * no control characters. Null when the header is absent.
     */
    static String headerText(Message in, String header) {
        Object value = header == null ? null : in.getHeader(header);
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = value instanceof String ? (String) value : in.getHeader(header, String.class);
        } catch (RuntimeException e) {
            text = null;
        }
        if (text == null) {
            throw new IllegalArgumentException("Header " + header + " must be text or convertible to text, was "
                                               + value.getClass().getName());
        }
        OptionRules.header(header, text); // an id's shape, or no control characters: checked before any request
        return text;
    }

    /** The task options of this message: the endpoint's, with the CamelAnaplanLocale header's locale when set. */
    TaskOptions taskOptions(Message in, String mappingParameters) {
        return endpoint.taskOptions(mappingParameters, optional(in, AnaplanConstants.LOCALE, config().getLocale()));
    }
}
