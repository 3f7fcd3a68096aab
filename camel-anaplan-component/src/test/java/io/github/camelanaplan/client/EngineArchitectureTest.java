package io.github.camelanaplan.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's architecture, checked on its compiled classes (main code only): it is Camel-free and sits beneath the
 * Camel binding, and its root package holds only the facade (and the one place for defaults and ranges); everything else lives in a subpackage named for its job
 * (http, auth, error, task, bulk, tenant, transfer, ...).
 */
class EngineArchitectureTest {

    private static final String ENGINE = "io.github.camelanaplan.client";
    private static final String CAMEL = "org.apache.camel..";
    private static final String BINDING = "io.github.camelanaplan.component..";

    /** The only top-level classes allowed directly in {@value #ENGINE}: a new class there needs a reason, and a line here. */
    static final List<String> FACADE = List.of("AnaplanClient", "ClientSettings", "ClientStats", "ClientListener",
            // the one place for every default and range, read by engine and binding alike
            "Defaults", "Limits");

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ENGINE);
    }

    @Test
    void theImportSeesTheWholeEngine() {
        assertThat(engine.stream().map(JavaClass::getPackageName).distinct())
                .as("engine packages imported")
                .contains(ENGINE, ENGINE + ".http", ENGINE + ".bulk", ENGINE + ".transfer");
        assertThat(engine.stream().map(JavaClass::getSimpleName)).containsAll(FACADE);
    }

    @Test
    void theEngineNeverReferencesCamel() {
        noClasses().that().resideInAPackage(ENGINE + "..")
                .should().dependOnClassesThat().resideInAPackage(CAMEL)
                .because("the engine is Camel-free: the Camel binding lives in io.github.camelanaplan.component")
                .check(engine);
    }

    @Test
    void theEngineNeverReferencesTheCamelBinding() {
        noClasses().that().resideInAPackage(ENGINE + "..")
                .should().dependOnClassesThat().resideInAPackage(BINDING)
                .because("the binding depends on the engine, never the other way round")
                .check(engine);
    }

    @Test
    void theRootPackageHoldsOnlyTheFacade() {
        String facade = FACADE.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        classes().that().resideInAPackage(ENGINE).and().areTopLevelClasses()
                .should().haveNameMatching(Pattern.quote(ENGINE + ".") + "(" + facade + ")")
                .because("the root package is the facade " + FACADE + "; other classes go to the subpackage of their job")
                .check(engine);
    }
}
