package io.github.camelanaplan.component;

import java.util.stream.Stream;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad configuration fails when the endpoint is created, with a message naming the option; nothing is sent. */
class ConfigurationErrorsTest extends AnaplanTestSupport {

    static Stream<Arguments> badUris() {
        return Stream.of(
                Arguments.of("anaplan:uplaod", "Unknown Anaplan operation 'uplaod'; valid operations: upload, download,"),
                Arguments.of("anaplan:upload?nosuchOption=1", "nosuchOption"),
                Arguments.of("anaplan:import?actionId=116000000000", "actionId 116000000000 is an export id, but operation import needs an import id (112...)"),
                Arguments.of("anaplan:export?actionId=112000000000", "needs an export id (116...)"),
                Arguments.of("anaplan:process?actionId=12345", "actionId 12345 is not an Anaplan action id"),
                Arguments.of("anaplan:upload?fileId=112000000000", "fileId 112000000000 is not an Anaplan file id"),
                Arguments.of("anaplan:upload?uploadChunkSize=999999", "uploadChunkSize must be between 1000000 and 50000000 bytes, was 999999"),
                Arguments.of("anaplan:upload?uploadChunkSize=50000001", "uploadChunkSize must be between 1000000 and 50000000 bytes, was 50000001"),
                Arguments.of("anaplan:upload?compressionLevel=0", "compressionLevel must be 1 to 9, was 0"),
                Arguments.of("anaplan:upload?compressionLevel=10", "compressionLevel must be 1 to 9, was 10"),
                Arguments.of("anaplan:upload?uploadParallelism=-1", "uploadParallelism must be 0"),
                Arguments.of("anaplan:upload?retryCount=-1", "retryCount must be 0 or more, was -1"),
                Arguments.of("anaplan:upload?timeout=-5", "timeout must not be negative"),
                Arguments.of("anaplan:upload?timeout=0", "timeout must be positive"),
                Arguments.of("anaplan:import?taskTimeout=-1", "taskTimeout must not be negative"),
                Arguments.of("anaplan:upload?statusPollDelay=-1", "statusPollDelay must not be negative"),
                Arguments.of("anaplan:upload?downloadPrefetch=0", "downloadPrefetch must be 1 or more"),
                Arguments.of("anaplan:upload?charset=NOPE-1", "NOPE-1"),
                Arguments.of("anaplan:import?mappingParameters=VersionActual", "mappingParameters: 'VersionActual' is not an entityType:entityName pair"),
                Arguments.of("anaplan:upload?certificate=file:/nonexistent.pem&privateKey=file:/nonexistent.key",
                        "Conflicting authentication options: username/password and certificate/privateKey/keyStore are both set"),
                Arguments.of("anaplan:upload?authToken=abc", "Conflicting authentication options: username/password and authToken"),
                Arguments.of("anaplan:upload?oauthClientId=abc", "Conflicting authentication options"),
                Arguments.of("anaplan:upload?certificateAuthFormat=v3", "certificateAuthFormat"),
                Arguments.of("anaplan:upload?certificateAuthFormat=v3", "certificateAuthFormat must be v1 or v2, was v3"),
                // a hostile or mistyped value: sane upper bounds, the value as given, no control characters
                Arguments.of("anaplan:upload?retryCount=2147483647", "retryCount must be at most 100, was 2147483647"),
                Arguments.of("anaplan:upload?uploadChunkSize=99999999999",
                        "uploadChunkSize must be between 1000000 and 50000000 bytes, was 99999999999"),
                Arguments.of("anaplan:import?locale=en%0D%0AX-Injected:%201",
                        "locale must not contain control characters (found \\r at position 2), was 'en\\r\\nX-Injected: 1'"),
                Arguments.of("anaplan:import?mappingParameters=Version:Actual%0A", "mappingParameters must not contain control characters"),
                Arguments.of("anaplan:transactional/viewData?pages=101000000000:1%00", "pages must not contain control characters"),
                Arguments.of("anaplan:upload?downloadPrefetch=100000", "downloadPrefetch must be at most 64, was 100000"),
                Arguments.of("anaplan:upload?uploadParallelism=10000", "uploadParallelism must be at most 64, was 10000"),
                Arguments.of("anaplan:upload?timeout=30d", "timeout must be at most PT168H, was PT720H"),
                Arguments.of("anaplan:upload?maxRequestsPerMinute=-1", "maxRequestsPerMinute must be 0 (no limit) or more, was -1"),
                Arguments.of("anaplan:upload?proxyPort=70000", "proxyPort must be 0 to 65535, was 70000"),
                Arguments.of("anaplan:transactional/writeCells?cellWriteBatchSize=100001", "cellWriteBatchSize must be at most 100000"),
                Arguments.of("anaplan:transactional/viewData?maxRows=2000000", "maxRows must be at most 1000000"),
                // ids have their kind's shape
                Arguments.of("anaplan:files?workspaceId=nope", "workspaceId 'nope' is not an Anaplan id of that kind (32 hex characters)"),
                Arguments.of("anaplan:files?modelId=75A40874E6B64FA3AE0743278996850", "modelId '75A40874E6B64FA3AE0743278996850' is not an Anaplan id"),
                Arguments.of("anaplan:alm/sync?sourceModelId=..%2Fx", "sourceModelId '../x' is not an Anaplan id"),
                Arguments.of("anaplan:alm/appliedToModels?revisionId=rev-1", "revisionId 'rev-1' is not an Anaplan id of that kind (32 hex"),
                Arguments.of("anaplan:cloudworks/run?integrationId=a1b2", "integrationId 'a1b2' is not an Anaplan id of that kind (32 letters or digits)"),
                Arguments.of("anaplan:taskStatus?actionId=112000000000&taskId=x%3Fy", "taskId 'x?y' is not an Anaplan id"),
                Arguments.of("anaplan:transactional/readList?listId=101abc", "listId '101abc' is not an Anaplan id of that kind (digits)"),
                Arguments.of("anaplan:transactional/viewData?viewId=1%2F2", "viewId '1/2' is not an Anaplan id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUris")
    void endpointCreationFailsNamingTheOption(String uri, String expected) {
        assertThatThrownBy(() -> context.getEndpoint(uri)).isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains(expected));
        assertThat(sim.journal().entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialUris")
    void credentialsMustBeCompleteAndPresent(String uri, String expected) {
        AnaplanConfiguration c = context.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        c.setUsername(null);
        c.setPassword(null);
        assertThatThrownBy(() -> context.getEndpoint(uri)).satisfies(e -> assertThat(fullMessage(e)).contains(expected));
    }

    static Stream<Arguments> credentialUris() {
        return Stream.of(
                Arguments.of("anaplan:workspaces", "No Anaplan credentials"),
                Arguments.of("anaplan:workspaces?username=a", "Basic authentication needs both username and password"),
                Arguments.of("anaplan:workspaces?oauthClientId=abc", "OAuth needs both oauthClientId and oauthRefreshToken"),
                Arguments.of("anaplan:workspaces?password=x&certificate=y", "Conflicting authentication options"));
    }

    @org.junit.jupiter.api.Test
    void aSecretWithAControlCharacterIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> context.getEndpoint("anaplan:workspaces?password=Sim-Passw0rd!%0D%0A"))
                .satisfies(e -> assertThat(fullMessage(e)).contains("password must not contain control characters")
                        .doesNotContain("Sim-Passw0rd!"));
    }

    private static String fullMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
