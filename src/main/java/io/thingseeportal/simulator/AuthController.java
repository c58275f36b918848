package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST auth/client-token}: a stack's API credentials buy a bearer token (REFERENCE.md 1.1). */
@RestController
@ConditionalOnSimulator
class AuthController {

    record ClientCredentials(
            @JsonProperty("client_id") @Nullable String clientId,
            @JsonProperty("client_secret") @Nullable String clientSecret) {}

    record ClientToken(String token) {}

    private final Tokens tokens;

    AuthController(Tokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(SimulatorConfig.CLIENT_TOKEN_PATH)
    ApiData<ClientToken> clientToken(@RequestBody ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            throw SimulatorException.badRequest("client_id and client_secret are required");
        }
        return tokens.issue(credentials.clientId(), credentials.clientSecret())
                .map(token -> ApiData.of(new ClientToken(token)))
                .orElseThrow(() -> SimulatorException.unauthorized("Invalid client credentials"));
    }
}
