package io.github.camelanaplan.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ApiRequestTest {

    private static final String ROOT = "https://api.anaplan.com/2/0";

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            113000000001        | 113000000001
            A1b2-_.~            | A1b2-_.~
            a?b                 | a%3Fb
            a#b                 | a%23b
            a/b                 | a%2Fb
            a%2Fb               | a%252Fb
            ..                  | %2E%2E
            .                   | %2E
            ...                 | ...
            ../113000000002     | ..%2F113000000002
            a.b                 | a.b
            "my file.csv"       | my%20file.csv
            a+b                 | a%2Bb
            a&b=c;d             | a%26b%3Dc%3Bd
            Übersicht           | %C3%9Cbersicht
            日本                 | %E6%97%A5%E6%9C%AC
            "a b"               | a%20b
            """)
    void aSegmentIsEncodedAsExactlyOneSegment(String segment, String encoded) {
        assertThat(ApiPath.encodeSegment(segment)).isEqualTo(encoded);
        ApiRequest request = ApiRequest.get(ROOT).segments("models", "M1", "files", segment).step("test").build();
        assertThat(request.path()).isEqualTo("/2/0/models/M1/files/" + encoded);
        assertThat(request.url()).isEqualTo(ROOT + "/models/M1/files/" + encoded);
        // what a server splits on '/' gives back exactly the four segments
        assertThat(request.path().substring("/2/0/".length()).split("/", -1)).hasSize(4);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingSegmentIsRefusedNamingTheStep(String segment) {
        ApiRequest.Builder builder = ApiRequest.delete(ApiPath.root(ROOT)).segments("models", "M1", "files", segment)
                .step("delete file " + segment);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("delete file " + segment + ":")
                .hasMessageContaining("after 'models/M1/files'")
                .hasMessageContaining(segment == null ? "null" : "empty");
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            type            | all                   | type=all
            pages           | 101000000001:Actual,20000000003:Jan  | pages=101000000001%3AActual%2C20000000003%3AJan
            q               | "a b&c=d"             | q=a%20b%26c%3Dd
            q               | a+b                   | q=a%2Bb
            q               | 100%                  | q=100%25
            "a b"           | x#y?                  | a%20b=x%23y%3F
            name            | Ü                     | name=%C3%9C
            """)
    void queryNamesAndValuesAreEncoded(String name, String value, String expected) {
        ApiRequest request = ApiRequest.get(ROOT).segment("events").query(name, value).step("test").build();
        assertThat(request.queryString()).isEqualTo(expected);
        assertThat(request.url()).isEqualTo(ROOT + "/events?" + expected);
        assertThat(request.path()).isEqualTo("/2/0/events");
    }

    @Test
    void queryParametersKeepTheirOrderAndNullValuesAreLeftOut() {
        ApiRequest request = ApiRequest.get(ROOT).segment("events").query("type", "all").query("skipped", null)
                .query("dateFrom", 1L).query("dateTo", 2L).step("read audit events").build();
        assertThat(request.url()).isEqualTo(ROOT + "/events?type=all&dateFrom=1&dateTo=2");
        assertThat(request.toBuilder().query("offset", 50).build().url())
                .isEqualTo(ROOT + "/events?type=all&dateFrom=1&dateTo=2&offset=50");
        assertThat(request.query()).extracting(Map.Entry::getKey).containsExactly("type", "dateFrom", "dateTo");
    }

    @Test
    void defaults() {
        ApiRequest get = ApiRequest.get(ROOT + "/").segment("workspaces").step("list workspaces").build();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo(ROOT + "/workspaces");
        assertThat(get.headers()).containsExactly(Map.entry("Accept", "application/json"));
        assertThat(get.kind()).isEqualTo(RequestKind.IDEMPOTENT);
        assertThat(get.authenticated()).isTrue();
        assertThat(get.body()).isNull();
        assertThat(get.step()).isEqualTo("list workspaces");

        assertThat(ApiRequest.post(ROOT).step("s").build().kind()).isEqualTo(RequestKind.NON_IDEMPOTENT);
        assertThat(ApiRequest.put(ApiPath.root(ROOT)).step("s").build().kind()).isEqualTo(RequestKind.IDEMPOTENT);
        assertThat(ApiRequest.delete(ApiPath.root(ROOT)).step("s").build().kind()).isEqualTo(RequestKind.IDEMPOTENT);
        assertThat(ApiRequest.post(ROOT).kind(RequestKind.TASK_START).step("s").build().kind())
                .isEqualTo(RequestKind.TASK_START);
        assertThat(ApiRequest.get(ROOT).step("s").build().path()).isEqualTo("/2/0");
        assertThat(ApiRequest.get("http://127.0.0.1:8080").step("s").build().path()).isEqualTo("/");
    }

    @Test
    void headersAcceptAndAuthentication() {
        ApiRequest request = ApiRequest.post(ROOT).segments("token", "logout").accept("text/csv")
                .header("Authorization", "AnaplanAuthToken x").unauthenticated().step("logout").build();
        assertThat(request.headers()).containsEntry("Accept", "text/csv").containsEntry("Authorization", "AnaplanAuthToken x");
        assertThat(request.authenticated()).isFalse();
        assertThat(ApiRequest.post(ROOT).header("Accept", null).step("s").build().headers()).isEmpty();
    }

    @Test
    void aJsonBodyIsWrittenFreshForEachAttempt() throws Exception {
        record Body(String localeName, int chunkCount) {
        }
        ApiRequest request = ApiRequest.post(ROOT).json(new Body("en_US", 3)).step("s").build();
        HttpEntity first = request.body().get();
        HttpEntity second = request.body().get();
        assertThat(first).isNotSameAs(second);
        assertThat(first.getContentType()).startsWith("application/json");
        JsonNode written = Json.MAPPER.readTree(first.getContent());
        assertThat(written.toString()).isEqualTo("{\"localeName\":\"en_US\",\"chunkCount\":3}");
        assertThat(new String(second.getContent().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(written.toString());
    }

    @Test
    void pathsAreImmutableAndDeriveChildren() {
        ApiPath model = ApiPath.root(ROOT).then("workspaces", "8a8b", "models", "75A4");
        ApiPath files = model.then("files");
        assertThat(model.segments()).containsExactly("workspaces", "8a8b", "models", "75A4");
        assertThat(files.then("a/b").path()).isEqualTo("/2/0/workspaces/8a8b/models/75A4/files/a%2Fb");
        assertThat(files.last()).isEqualTo("files");
        assertThat(model.path()).isEqualTo("/2/0/workspaces/8a8b/models/75A4");
        assertThat(ApiRequest.get(files).segment("x").step("s").build().target().segments()).hasSize(6);
        assertThat(files.segments()).hasSize(5);
        assertThatThrownBy(() -> files.segments().add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRootWithAQueryOrNoStepIsRefused() {
        assertThatThrownBy(() -> ApiPath.root(ROOT + "?x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiPath.root(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiRequest.get(ROOT).segment("x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step");
        assertThat(List.of(ApiRequest.get(ROOT).segment("x").step("s").build().toString())).containsExactly("s (GET /2/0/x)");
    }
}
