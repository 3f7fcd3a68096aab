package io.github.camelanaplan.component;

import java.io.InputStream;

import io.github.camelanaplan.client.transactional.ReadRequest;
import io.github.camelanaplan.client.transactional.TransactionalClient;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;

/**
 * {@code from("anaplan:transactional/readView?viewId=…")} and {@code readList?listId=…}: each poll starts a read
 * request and emits its pages as they become available, one exchange per page ({@code pageMode=page}, body
 * {@code byte[]} CSV, exchange properties {@code CamelBatchIndex}, {@code CamelBatchSize} and
 * {@code CamelBatchComplete} on the last page) or one exchange whose body streams all pages
 * ({@code pageMode=stream}). The request is deleted at the end, also when a page or an exchange fails.
 */
final class ReadRequestConsumer extends AnaplanConsumer {

    ReadRequestConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        require("modelId", config().getModelId());
        if (endpoint.operation() == AnaplanOperation.TR_READ_VIEW) {
            require("viewId", config().getViewId());
        } else {
            require("listId", config().getListId());
        }
    }

    @Override
    protected int poll() throws Exception {
        AnaplanConfiguration c = config();
        TransactionalClient tr = new TransactionalClient(client(), c.getWorkspaceId(), c.getModelId());
        ReadRequest request = endpoint.operation() == AnaplanOperation.TR_READ_VIEW
                ? tr.startViewRead(c.getViewId(), TransactionalOperations.exportType(c), endpoint.taskOptions(null))
                : tr.startListRead(c.getListId(), endpoint.taskOptions(null));
        try (ReadRequest rr = request) {
            if (c.getPageMode() == PageMode.STREAM) {
                InputStream all = rr.stream();
                try {
                    emit(exchange -> {
                        exchange.getMessage().setBody(content(all));
                    });
                } finally {
                    closeQuietly(all);
                }
                return 1;
            }
            // a page is emitted once the next one is there or the request is complete, so the last one is marked
            byte[] current = rr.page(0);
            int index = 0;
            while (current != null) {
                byte[] next = rr.page(index + 1);
                boolean last = next == null;
                byte[] body = current;
                int pageIndex = index;
                boolean ok = emit(exchange -> {
                    exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, pageIndex);
                    exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, last);
                    if (last) {
                        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, pageIndex + 1);
                    }
                    exchange.getMessage().setBody(body);
                });
                if (!ok) {
                    return index + 1;
                }
                current = next;
                index++;
            }
            return index;
        }
    }

}
