package io.github.camelanaplan.component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Runs the endpoint's operation for each message: the operations class of the operation's API family checks the
 * message and returns the work, which runs on the component's operation pool, so no Camel thread sits idle while
 * Anaplan works (or on the caller's thread when that bounded pool is busy).
 */
public class AnaplanProducer extends DefaultAsyncProducer {

    private final AnaplanEndpoint endpoint;
    private final Map<AnaplanOperation.Family, OperationSupport> families = new EnumMap<>(AnaplanOperation.Family.class);
    private final NameBinding names;

    public AnaplanProducer(AnaplanEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        families.put(AnaplanOperation.Family.BULK, new BulkOperations(endpoint));
        families.put(AnaplanOperation.Family.ALM, new AlmOperations(endpoint));
        families.put(AnaplanOperation.Family.TRANSACTIONAL, new TransactionalOperations(endpoint));
        families.put(AnaplanOperation.Family.AUDIT, new AuditOperations(endpoint));
        families.put(AnaplanOperation.Family.CLOUDWORKS, new CloudWorksOperations(endpoint));
        this.names = new NameBinding(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Runnable work;
        try {
            AnaplanOperation operation = endpoint.operation();
            OperationSupport family = families.get(operation.family());
            work = names.needed(exchange.getMessage()) ? withNames(exchange, operation, family)
                    : family.prepare(exchange, operation);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Runnable task = () -> {
            try {
                work.run();
            } catch (Throwable e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        };
        try {
            endpoint.getComponent().operations().execute(task);
        } catch (RejectedExecutionException e) {
            // every thread of the pool is busy: do the work here rather than wait for one (see OPERATION_POOL)
            try {
                work.run();
            } catch (Throwable t) {
                exchange.setException(t);
            }
            callback.done(true);
            return true;
        }
        return false;
    }

    /**
     * The work of a message that names objects: the listings are read first (off the caller's thread, like the
     * operation), then the operation reads its inputs with the resolved ids, then runs. A name that fails to resolve
     * fails the message before the operation has sent anything.
     */
    private Runnable withNames(Exchange exchange, AnaplanOperation operation, OperationSupport family) {
        return () -> {
            Map<String, String> ids = names.resolve(exchange.getMessage(), operation);
            Runnable work;
            exchange.setProperty(NameBinding.RESOLVED, ids);
            try {
                work = family.prepare(exchange, operation);
            } finally {
                exchange.removeProperty(NameBinding.RESOLVED);
            }
            work.run();
        };
    }
}
