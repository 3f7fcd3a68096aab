package io.github.camelanaplan.simulator;

/** Registers the APIs beyond bulk: transactional (§6), ALM (§7), Audit (§8), CloudWorks (§9). */
final class ExtraApis {

    private ExtraApis() {
    }

    static void register(Router router, ApiSupport api, TaskEngine engine, SimAuth auth, SimCloudWorks cloudWorks) {
        new ModuleViewEndpoints(api).register(router);
        new ReadRequestEndpoints(api, engine).register(router);
        new ListEndpoints(api).register(router);
        new CellEndpoints(api).register(router);
        new CalendarEndpoints(api).register(router);
        new AlmEndpoints(api, engine, auth).register(router);
        new CloudWorksEndpoints(api, engine, cloudWorks).register(router);
    }
}
