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
                Arguments.of("anaplan:upload?certificateAuthFormat=v3", "certificateAuthFormat"));
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

    private static String fullMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
