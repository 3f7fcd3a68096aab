package io.github.camelanaplan.examples.routes;

import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.examples.support.RevisionPromotion;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * ALM: when a new revision is tagged in the development model {@code examples.alm.devModelId}, synchronise it into
 * the production model {@code examples.alm.prodModelId}, if it is the newest revision the production model can take
 * (see {@link RevisionPromotion}). The {@code alm/revisions} consumer reads the dev model's revisions
 * {@code examples.alm.initialDelay} after the route started, then every {@code examples.alm.delay}, and emits each new
 * revision once; its cursor is kept in a file under {@code examples.state.folder}, so a restart neither promotes a
 * revision again nor misses one tagged while the application was down. A failed sync fails the exchange: the consumer
 * does not move past the revision and offers it again at its next poll.
 *
 * <p>The login (component {@code camel.component.anaplan.*}) must be a Workspace Administrator of both models.
 */
public class AlmPromotionRoute extends RouteBuilder {

    static final String DEV = "{{examples.alm.devModelId}}";
    static final String PROD = "{{examples.alm.prodModelId}}";

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        RevisionPromotion promotion = new RevisionPromotion();

        from("anaplan:alm/revisions?modelId=" + DEV + "&initialDelay={{examples.alm.initialDelay}}"
             + "&delay={{examples.alm.delay}}"
             + "&stateRepository=#" + ExampleRoutes.stateRepository(getContext(), "alm-promote"))
                .routeId("alm-promote")
                // not handled: the consumer keeps its cursor before this revision and emits it again at the next poll
                .onException(Exception.class)
                    .logExhausted(false)
                    .bean("movements", "recordFailure")
                    .log(LoggingLevel.WARN, "alm: promoting ${exchangeProperty.ExampleRevisionName} failed "
                                            + "(${exception.message}); tried again at the next poll")
                .end()
                .bean(promotion, "remember")
                // the consumer set CamelAnaplanModelId to the dev model, and a header wins over an endpoint's modelId:
                // without this, the steps below would ask the dev model instead of the prod model
                .removeHeader(AnaplanConstants.MODEL_ID)
                .log("alm: revision ${exchangeProperty.ExampleRevisionName} (${exchangeProperty.ExampleRevisionId}) "
                     + "tagged in the dev model")
                .to("anaplan:alm/syncableRevisions?modelId=" + PROD + "&sourceModelId=" + DEV)
                .bean(promotion, "decide")
                .choice()
                    .when(exchangeProperty(RevisionPromotion.PROMOTE))
                        // sourceRevisionId is an endpoint option only (no header), hence toD: one endpoint per
                        // revision, which is fine at the pace revisions come; targetRevisionId defaults to the prod
                        // model's latest revision
                        .toD("anaplan:alm/sync?modelId=" + PROD + "&sourceModelId=" + DEV
                             + "&sourceRevisionId=${exchangeProperty.ExampleRevisionId}")
                        .bean("movements", "record")
                        .log("alm: ${exchangeProperty.ExampleRevisionName} promoted to the prod model "
                             + "(sync task ${header.CamelAnaplanTaskId})")
                    .otherwise()
                        .log("alm: ${exchangeProperty.ExampleRevisionName} not promoted: "
                             + "${exchangeProperty.ExamplePromoteReason}")
                .end();
    }
}
