package io.github.camelanaplan.examples.support;

import java.util.List;

import io.github.camelanaplan.client.alm.Revision;
import org.apache.camel.Exchange;

/**
 * The decision of the ALM example: promote a revision that appeared in the dev model only when it is the newest
 * revision the prod model can take. Two steps of one route:
 * <ol>
 * <li>{@link #remember}: the body is the {@link Revision} the {@code alm/revisions} consumer emitted; its id and name
 * go to exchange properties.</li>
 * <li>{@link #decide}: the body is what {@code alm/syncableRevisions} answered for the prod model (the dev model's
 * revisions it can take, newest first). Sets {@link #PROMOTE} to true when the remembered revision is the first of
 * them; otherwise false, with the reason in {@link #REASON}: a newer revision is syncable (it is promoted when its own
 * exchange comes, in the same poll when both appeared at once), or the revision is not syncable any more (already in
 * the prod model, for example synchronised by hand).</li>
 * </ol>
 */
public final class RevisionPromotion {

    /** Exchange property: the id of the revision the consumer emitted. */
    public static final String REVISION_ID = "ExampleRevisionId";
    /** Exchange property: its name. */
    public static final String REVISION_NAME = "ExampleRevisionName";
    /** Exchange property: Boolean, whether to synchronise it into the prod model. */
    public static final String PROMOTE = "ExamplePromote";
    /** Exchange property: why not. */
    public static final String REASON = "ExamplePromoteReason";

    public void remember(Exchange exchange) throws Exception {
        Revision revision = exchange.getMessage().getMandatoryBody(Revision.class);
        exchange.setProperty(REVISION_ID, revision.id());
        exchange.setProperty(REVISION_NAME, revision.name());
    }

    public void decide(Exchange exchange) {
        String id = exchange.getProperty(REVISION_ID, String.class);
        List<?> syncable = exchange.getMessage().getBody(List.class);
        Revision newest = syncable == null || syncable.isEmpty() ? null : (Revision) syncable.get(0);
        boolean promote = newest != null && newest.id().equals(id);
        exchange.setProperty(PROMOTE, promote);
        if (promote) {
            exchange.removeProperty(REASON);
        } else if (newest == null || syncable.stream().noneMatch(r -> ((Revision) r).id().equals(id))) {
            exchange.setProperty(REASON,
                    "the prod model cannot take it (already there, or older than its latest revision)");
        } else {
            exchange.setProperty(REASON,
                    "a newer revision, " + newest.name() + " (" + newest.id() + "), is promoted instead");
        }
    }
}
