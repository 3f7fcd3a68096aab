package io.github.camelanaplan.component;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.transactional.ReadRequest;
import io.github.camelanaplan.client.transactional.TransactionalClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The transactional operations ({@code transactional/…}): model structure, view cells, lists and list items, cell
 * writes split into calls of the allowed size, calendar and versions, and large-volume read requests.
 */
final class TransactionalOperations extends OperationSupport {

    TransactionalOperations(AnaplanEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Runnable prepare(Exchange exchange, AnaplanOperation operation) {
        Message in = exchange.getMessage();
        AnaplanConfiguration c = config();
        TransactionalClient tr = new TransactionalClient(client(), optional(in, AnaplanConstants.WORKSPACE_ID,
                c.getWorkspaceId()), modelId(in, operation));
        boolean json = c.getFormat() == ResultFormat.JSON;
        switch (operation) {
            case TR_MODULES:
                return () -> in.setBody(tr.modules());
            case TR_LINE_ITEMS: {
                String moduleId = optional(in, AnaplanConstants.MODULE_ID, c.getModuleId());
                return () -> in.setBody(tr.lineItems(moduleId, c.isIncludeAll()));
            }
            case TR_VIEWS: {
                String moduleId = optional(in, AnaplanConstants.MODULE_ID, c.getModuleId());
                return () -> in.setBody(tr.views(moduleId));
            }
            case TR_VIEW_DATA: {
                String viewId = viewId(in, operation);
                String moduleId = optional(in, AnaplanConstants.MODULE_ID, c.getModuleId());
                if (json) {
                    return () -> in.setBody(tr.viewData(viewId, c.getPages(), exportType(c), c.getMaxRows(), moduleId));
                }
                return () -> setContent(in, tr.viewDataCsv(viewId, c.getPages(), exportType(c), c.getMaxRows(), moduleId));
            }
            case TR_READ_VIEW:
            case TR_READ_LIST: {
                ReadStarter starter = readStarter(in, operation, tr);
                return () -> {
                    InputStream pages = starter.start().stream();
                    // read to the end or closed, the stream deletes the request; if the exchange fails first, so does this
                    exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                        @Override
                        public void onFailure(Exchange done) {
                            AnaplanConsumer.closeQuietly(pages);
                        }
                    });
                    setContent(in, pages);
                };
            }
            case TR_LISTS:
                return () -> in.setBody(tr.lists());
            case TR_LIST_ITEMS: {
                String listId = listId(in, operation);
                if (json) {
                    return () -> in.setBody(tr.listItems(listId, c.isIncludeAll()));
                }
                return () -> setContent(in, tr.listItemsCsv(listId));
            }
            case TR_ADD_LIST_ITEMS:
            case TR_UPDATE_LIST_ITEMS:
            case TR_UPSERT_LIST_ITEMS:
            case TR_DELETE_LIST_ITEMS: {
                String listId = listId(in, operation);
                List<?> items = items(in, operation);
                int batch = c.getListItemBatchSize();
                return () -> {
                    switch (operation) {
                        case TR_ADD_LIST_ITEMS:
                            in.setBody(tr.addListItems(listId, items, batch));
                            break;
                        case TR_UPDATE_LIST_ITEMS:
                            in.setBody(tr.updateListItems(listId, items, batch));
                            break;
                        case TR_UPSERT_LIST_ITEMS:
                            in.setBody(tr.upsertListItems(listId, items, batch));
                            break;
                        default:
                            in.setBody(tr.deleteListItems(listId, items, batch));
                            break;
                    }
                };
            }
            case TR_RESET_LIST_INDEX: {
                String listId = listId(in, operation);
                return () -> {
                    tr.resetListIndex(listId);
                    in.setBody(null);
                };
            }
            case TR_WRITE_CELLS: {
                String moduleId = require(in, AnaplanConstants.MODULE_ID, c.getModuleId(), "moduleId", operation);
                List<?> cells = items(in, operation);
                return () -> in.setBody(tr.writeCells(moduleId, cells, c.getCellWriteBatchSize()));
            }
            case TR_DIMENSION_ITEMS: {
                String dimensionId = require(in, AnaplanConstants.DIMENSION_ID, c.getDimensionId(), "dimensionId",
                        operation);
                String viewId = optional(in, AnaplanConstants.VIEW_ID, c.getViewId());
                return () -> in.setBody(viewId == null ? tr.dimensionItems(dimensionId)
                        : tr.viewDimensionItems(viewId, dimensionId));
            }
            case TR_MODEL_CALENDAR:
                return () -> in.setBody(tr.modelCalendar());
            case TR_CURRENT_PERIOD:
                return () -> in.setBody(tr.currentPeriod());
            case TR_SET_CURRENT_PERIOD: {
                String date = bodyValue(in, "date", operation, "a date (YYYY-MM-DD; empty to reset)");
                return () -> in.setBody(tr.setCurrentPeriod(date));
            }
            case TR_FISCAL_YEAR: {
                String year = bodyValue(in, "year", operation, "a fiscal year (FY26)");
                if (year.isBlank()) {
                    throw new IllegalArgumentException(operation.uriName() + " needs a fiscal year such as FY26 as body");
                }
                return () -> in.setBody(tr.setFiscalYear(year.trim()));
            }
            case TR_VERSIONS:
                return () -> in.setBody(tr.versions());
            default:
                throw new IllegalStateException("Operation " + operation.uriName() + " is not handled");
        }
    }

    /** Starts the read request of a readView / readList endpoint; shared with the consumer. */
    interface ReadStarter {
        ReadRequest start();
    }

    ReadStarter readStarter(Message in, AnaplanOperation operation, TransactionalClient tr) {
        TaskOptions options = taskOptions(in, null);
        if (operation == AnaplanOperation.TR_READ_VIEW) {
            String viewId = viewId(in, operation);
            String exportType = exportType(config());
            return () -> tr.startViewRead(viewId, exportType, options);
        }
        String listId = listId(in, operation);
        return () -> tr.startListRead(listId, options);
    }

    /** The exportType option as Anaplan spells it, or null when not set. */
    static String exportType(AnaplanConfiguration c) {
        return c.getExportType() == null ? null : c.getExportType().name();
    }

    private String viewId(Message in, AnaplanOperation operation) {
        return require(in, AnaplanConstants.VIEW_ID, config().getViewId(), "viewId", operation);
    }

    private String listId(Message in, AnaplanOperation operation) {
        return require(in, AnaplanConstants.LIST_ID, config().getListId(), "listId", operation);
    }

    /**
     * The items of a write: a List (of Maps or typed items), an array, an Iterable, one Map or item, or JSON text (an
     * array, or an object with an {@code items} array).
     */
    static List<?> items(Message in, AnaplanOperation operation) {
        Object body = in.getBody();
        if (body instanceof List) {
            return (List<?>) body;
        }
        if (body instanceof Object[]) {
            return Arrays.asList((Object[]) body);
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            JsonNode node;
            try {
                node = body instanceof String ? Json.MAPPER.readTree((String) body)
                        : body instanceof byte[] ? Json.MAPPER.readTree((byte[]) body)
                        : Json.MAPPER.readTree((InputStream) body);
            } catch (IOException e) {
                throw new IllegalArgumentException(operation.uriName() + ": the body is text but not JSON: "
                                                   + e.getMessage(), e);
            }
            JsonNode array = node != null && node.isObject() && node.has("items") ? node.get("items") : node;
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException(operation.uriName() + ": JSON body must be an array or an object "
                                                   + "with an items array");
            }
            List<JsonNode> out = new ArrayList<>();
            array.forEach(out::add);
            return out;
        }
        if (body instanceof Iterable) {
            List<Object> out = new ArrayList<>();
            ((Iterable<?>) body).forEach(out::add);
            return out;
        }
        if (body == null) {
            throw new IllegalArgumentException(operation.uriName() + " needs a body: a List of Maps or of typed items");
        }
        return List.of(body);
    }

    private static String bodyValue(Message in, String key, AnaplanOperation operation, String what) {
        Object body = in.getBody();
        if (body instanceof Map) {
            Object value = ((Map<?, ?>) body).get(key);
            return value == null ? "" : value.toString();
        }
        if (body instanceof LocalDate || body instanceof String) {
            return body.toString();
        }
        if (body == null) {
            throw new IllegalArgumentException(operation.uriName() + " needs " + what + " as body");
        }
        return in.getBody(String.class);
    }
}
