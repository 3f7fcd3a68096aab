package io.github.camelanaplan.client.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a certificate login ({@code POST /token/authenticate}): the random data (v2: with the time before it),
 * its signature, both base64, and the format marker for v2 (left out for v1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CertificateLoginBody(String encodedDataFormat, String encodedData, String encodedSignedData) {
}
