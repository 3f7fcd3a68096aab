package io.github.camelanaplan.runtimes.quarkus;

import io.github.camelanaplan.component.AnaplanConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sends the CSV it receives to Anaplan: uploads it into the import's data source file, runs the import and logs the
 * rows Anaplan reports. Camel Quarkus discovers this route at build time; the anaplan component is configured only in
 * application.properties ({@code camel.component.anaplan.*}).
 */
public class EmployeesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:employees").routeId("employees-to-anaplan")
                .to("anaplan:import?actionId={{anaplan.employees-import-id}}")
                .log("Anaplan import ${header." + AnaplanConstants.TASK_ID + "}: ${header." + AnaplanConstants.TASK_STATE
                     + "}, rows processed ${header." + AnaplanConstants.ROWS_PROCESSED + "} of ${header."
                     + AnaplanConstants.ROWS_TOTAL + "}");
    }
}
