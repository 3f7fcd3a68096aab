package io.github.camelanaplan.client.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.github.camelanaplan.client.error.AnaplanNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameMatchTest {

    private static final List<Named> OBJECTS = List.of(
            new Named("112000000001", "Employees from Employees.csv", "import"),
            new Named("112000000002", "Products from Products.csv", "import"),
            new Named("116000000001", "Employees export", "export"),
            new Named("118000000001", "Load and export", "process"),
            new Named("117000000001", "Load and Export", "action"),
            new Named("117000000002", "Twice", "action"),
            new Named("112000000003", "Twice", "import"),
            new Named("117000000003", null, "action"));

    static Stream<Arguments> resolved() {
        return Stream.of(
                Arguments.of("exact", "Employees export", "116000000001"),
                Arguments.of("exact wins over a case-insensitive twin", "Load and export", "118000000001"),
                Arguments.of("the twin by its own exact spelling", "Load and Export", "117000000001"),
                Arguments.of("characters a URI would encode", "Products from Products.csv", "112000000002"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolved")
    void exactNameResolves(String title, String name, String id) {
        assertThat(NameMatch.match("import, export, process or action", name, OBJECTS).id()).isEqualTo(id);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // name, message part, candidates
                Arguments.of("employees export", "No import, export, process or action is named 'employees export'",
                        List.of("export 'Employees export' (116000000001)")),
                Arguments.of(" Employees export ", "close candidates: export 'Employees export' (116000000001)",
                        List.of("export 'Employees export' (116000000001)")),
                Arguments.of("Employes export", "close candidates",
                        List.of("export 'Employees export' (116000000001)")),
                Arguments.of("Employees", "close candidates",
                        List.of("import 'Employees from Employees.csv' (112000000001)",
                                "export 'Employees export' (116000000001)")),
                Arguments.of("Something else entirely", "(8 import, export, process or action names looked at)",
                        List.of()),
                Arguments.of("Twice", "The import, export, process or action name 'Twice' matches 2 objects: "
                                      + "action 'Twice' (117000000002), import 'Twice' (112000000003); use the id instead",
                        List.of("action 'Twice' (117000000002)", "import 'Twice' (112000000003)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void noneOrSeveralFailWithCandidates(String name, String message, List<String> candidates) {
        assertThatThrownBy(() -> NameMatch.match("import, export, process or action", name, OBJECTS))
                .isInstanceOf(AnaplanNameException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    AnaplanNameException n = (AnaplanNameException) e;
                    assertThat(n.getName()).isEqualTo(name);
                    assertThat(n.getCandidates()).containsExactlyElementsOf(candidates);
                });
    }

    @Test
    void caseInsensitiveTwinsAreBothCandidatesAndNearestFirst() {
        assertThat(NameMatch.candidates("LOAD AND EXPORT", OBJECTS)).containsExactly(
                "process 'Load and export' (118000000001)", "action 'Load and Export' (117000000001)");
    }

    @Test
    void candidatesAreCapped() {
        List<Named> many = Stream.iterate(0, i -> i + 1).limit(20)
                .map(i -> new Named("10100000000" + (i % 10), "List " + i, "list")).toList();
        assertThat(NameMatch.candidates("List", many)).hasSize(NameMatch.MAX_CANDIDATES);
    }

    @Test
    void emptyListingSaysSo() {
        assertThatThrownBy(() -> NameMatch.match("file", "Employees.csv", List.of()))
                .isInstanceOf(AnaplanNameException.class)
                .hasMessage("No file is named 'Employees.csv' (0 file names looked at)");
    }

    static Stream<Arguments> distances() {
        return Stream.of(Arguments.of("", "", 0), Arguments.of("abc", "", 3), Arguments.of("kitten", "sitting", 3),
                Arguments.of("employes", "employees", 1), Arguments.of("same", "same", 0));
    }

    @ParameterizedTest
    @MethodSource("distances")
    void editDistance(String a, String b, int expected) {
        assertThat(NameMatch.distance(a, b)).isEqualTo(expected);
        assertThat(NameMatch.distance(b, a)).isEqualTo(expected);
    }
}
