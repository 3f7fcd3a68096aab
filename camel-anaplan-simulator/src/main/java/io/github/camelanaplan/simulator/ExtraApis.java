package io.github.camelanaplan.simulator;

/** Registers the APIs beyond bulk: transactional (§6), ALM (§7), Audit (§8), CloudWorks (§9). */
final class ExtraApis {

    private ExtraApis() {
    }

    static void register(Router router, ApiSupport api, TaskEngine engine, SimAuth auth, SimCloudWorks cloudWorks) {
        new TransactionalEndpoints(api, engine).register(router);
        new AlmEndpoints(api, engine, auth).register(router);
        new CloudWorksEndpoints(api, engine, cloudWorks).register(router);
    }
}
