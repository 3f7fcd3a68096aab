package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

/** The authentication service (§3): /token/authenticate, /token/refresh, /token/validate, /token/logout. */
final class AuthEndpoints {

    private final SimAuth auth;
    private final SimulatorOptions options;
    private final StrictMode strict;
    private final SimAudit audit;

    AuthEndpoints(SimAuth auth, SimulatorOptions options, StrictMode strict, SimAudit audit) {
        this.auth = auth;
        this.options = options;
        this.strict = strict;
        this.audit = audit;
    }

    void register(Router r) {
        r.add("POST", "/token/authenticate", this::authenticate);
        r.add("POST", "/token/refresh", this::refresh);
        r.add("GET", "/token/validate", this::validate);
        r.add("POST", "/token/logout", this::logout);
    }

    private static SimResponse failure(int status, String code, String message) {
        ObjectNode n = Json.object();
        n.put("status", code);
        n.put("statusMessage", message);
        return SimResponse.json(status, n);
    }

    private static ApiException badHeader(String message) {
        return new ApiException(failure(400, "FAILURE_BAD_HEADER", message));
    }

    private static ApiException badCredential(String message) {
        return new ApiException(failure(401, "FAILURE_BAD_CREDENTIAL", message));
    }

    private void rejectBearer(SimRequest req, String scheme) {
        if ("Bearer".equalsIgnoreCase(scheme)) {
            strict.violation(req, "Bearer authorization is not accepted by the authentication service");
            throw badHeader("Bearer authorization is not accepted by the authentication service");
        }
    }

    private SimResponse authenticate(SimRequest req) {
        String authz = req.header("Authorization");
        String scheme = AuthGate.scheme(authz);
        if (authz == null || scheme == null || authz.trim().indexOf(' ') < 0) {
            throw badHeader("Missing or malformed Authorization header");
        }
        rejectBearer(req, scheme);
        String value = authz.trim().substring(authz.trim().indexOf(' ') + 1).trim();
        String userId;
        if (scheme.equalsIgnoreCase("Basic")) {
            userId = basic(value);
        } else if (scheme.equalsIgnoreCase("CACertificate")) {
            userId = certificate(value, req);
        } else {
            throw badHeader("Unsupported authorization scheme");
        }
        SimAuth.Token t = auth.issue(userId, true);
        audit.addEvent("USR-8", "user_activity", userId, "User logged in (" + scheme + ")", System.currentTimeMillis());
        ObjectNode body = tokenEnvelope(req, "Login successful", t, true);
        return SimResponse.json(options.authenticateStatus(), body);
    }

    private String basic(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badHeader("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw badHeader("Malformed Basic credentials");
        }
        String user = decoded.substring(0, colon);
        if (!auth.checkPassword(user, decoded.substring(colon + 1))) {
            throw badCredential("Invalid username or password");
        }
        return user;
    }

    private String certificate(String value, SimRequest req) {
        X509Certificate cert;
        try {
            byte[] pem = Base64.getDecoder().decode(value);
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (Exception e) {
            throw badHeader("The CACertificate header does not hold a base64 encoded certificate");
        }
        if (!auth.isRegistered(cert)) {
            throw badCredential("Certificate not registered");
        }
        JsonNode body = req.body().length == 0 ? null : Json.parse(req.body());
        if (body == null || !body.isObject() || !body.hasNonNull("encodedData") || !body.hasNonNull("encodedSignedData")) {
            throw new ApiException(failure(400, "FAILURE_BAD_REQUEST", "Expected a JSON body with encodedData and encodedSignedData"));
        }
        byte[] data;
        byte[] signature;
        try {
            data = Base64.getDecoder().decode(body.get("encodedData").asText());
            signature = Base64.getDecoder().decode(body.get("encodedSignedData").asText());
        } catch (IllegalArgumentException e) {
            throw new ApiException(failure(400, "FAILURE_BAD_REQUEST", "encodedData / encodedSignedData must be base64"));
        }
        boolean v2 = body.hasNonNull("encodedDataFormat") && "v2".equalsIgnoreCase(body.get("encodedDataFormat").asText());
        byte[] signed = data;
        if (v2) {
            if (data.length < 8 + 100) {
                throw badCredential("encodedData must hold an 8 byte timestamp and at least 100 random bytes");
            }
            long stamp = ByteBuffer.wrap(data, 0, 8).getLong();
            long millis = options.certV2TimestampMillis() ? stamp : stamp * 1000L;
            if (Math.abs(System.currentTimeMillis() - millis) > options.certV2MaxSkew().toMillis()) {
                throw badCredential("The signed data is too old or from the future");
            }
            if (!options.certV2SignatureCoversTimestamp()) {
                signed = Arrays.copyOfRange(data, 8, data.length);
            }
        } else {
            if (!options.acceptCertV1()) {
                throw badCredential("The v1 payload format is no longer accepted; use encodedDataFormat v2");
            }
            if (data.length < 100) {
                throw badCredential("encodedData must hold at least 100 random bytes");
            }
        }
        try {
            Signature s = Signature.getInstance("SHA512withRSA");
            s.initVerify(cert.getPublicKey());
            s.update(signed);
            if (!s.verify(signature)) {
                throw badCredential("Signature verification failed");
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw badCredential("Signature verification failed");
        }
        String cn = cert.getSubjectX500Principal().getName();
        for (String part : cn.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return cn;
    }

    private SimAuth.Token requireToken(SimRequest req) {
        String authz = req.header("Authorization");
        String scheme = AuthGate.scheme(authz);
        rejectBearer(req, scheme);
        if (scheme == null || !scheme.equalsIgnoreCase("AnaplanAuthToken")) {
            throw badHeader("Expected an AnaplanAuthToken Authorization header");
        }
        SimAuth.Token t = auth.token(AuthGate.token(authz));
        if (t == null || !t.valid()) {
            throw badCredential("Token invalid or expired");
        }
        return t;
    }

    private SimResponse refresh(SimRequest req) {
        SimAuth.Token t = requireToken(req);
        SimAuth.Token n = auth.refresh(t, options.refreshRotatesToken());
        return SimResponse.json(200, tokenEnvelope(req, "Token refreshed", n, false));
    }

    private SimResponse validate(SimRequest req) {
        SimAuth.Token t = requireToken(req);
        ObjectNode root = Json.object();
        root.putObject("meta").put("validationUrl", req.baseUrl() + "/token/validate");
        root.put("status", "SUCCESS");
        root.put("statusMessage", "Token validated");
        ObjectNode info = root.putObject("tokenInfo");
        info.put("expiresAt", t.expiresAt);
        info.put("tokenId", t.tokenId);
        ObjectNode user = root.putObject("userInfo");
        user.put("userGuid", auth.userGuid(t.userId));
        user.put("userId", t.userId);
        user.put("customerGuid", SimAuth.CUSTOMER_GUID);
        return SimResponse.json(200, root);
    }

    private SimResponse logout(SimRequest req) {
        SimAuth.Token t = requireToken(req);
        auth.logout(t);
        return SimResponse.empty(204);
    }

    private ObjectNode tokenEnvelope(SimRequest req, String message, SimAuth.Token t, boolean login) {
        ObjectNode root = Json.object();
        root.putObject("meta").put("validationUrl", req.baseUrl() + "/token/validate");
        root.put("status", "SUCCESS");
        root.put("statusMessage", message);
        ObjectNode info = root.putObject("tokenInfo");
        info.put("expiresAt", t.expiresAt);
        info.put("tokenId", t.tokenId);
        info.put("tokenValue", t.value);
        info.put("refreshTokenId", t.refreshTokenId);
        if (login) {
            String rt = auth.newSecret();
            if (options.refreshTokenField() == RefreshTokenField.IN_TOKEN_INFO) {
                info.put("refreshToken", rt);
            } else if (options.refreshTokenField() == RefreshTokenField.TOP_LEVEL) {
                root.put("refreshToken", rt);
            }
        }
        return root;
    }
}
