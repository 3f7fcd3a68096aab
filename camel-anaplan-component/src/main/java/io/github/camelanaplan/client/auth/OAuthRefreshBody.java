package io.github.camelanaplan.client.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of an OAuth refresh-token grant ({@code POST /oauth/token}); {@code client_secret} only for clients that
 * have one. Holds secrets: {@link #toString()} names none.
 */
record OAuthRefreshBody(@JsonProperty("grant_type") String grantType,
                        @JsonProperty("client_id") String clientId,
                        @JsonProperty("refresh_token") String refreshToken,
                        @JsonProperty("client_secret") @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    @Override
    public String toString() {
        return "OAuthRefreshBody[grant_type=" + grantType + "]";
    }
}
