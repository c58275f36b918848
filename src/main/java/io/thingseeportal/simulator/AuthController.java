package io.thingseeportal.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST auth/client-token}: a stack's API credentials buy a bearer token (REFERENCE.md 1.1). The call suffers
 * the API faults of the stack whose credentials it presents, as every other call of that stack; invalid credentials
 * are a 401 without faults, since they name no stack.
 */
@RestController
@ConditionalOnSimulator
class AuthController {

    record ClientCredentials(
            @JsonProperty("client_id") @Nullable String clientId,
            @JsonProperty("client_secret") @Nullable String clientSecret) {}

    record ClientToken(String token) {}

    private final Tokens tokens;
    private final ApiFaults faults;

    AuthController(Tokens tokens, ApiFaults faults) {
        this.tokens = tokens;
        this.faults = faults;
    }

    @PostMapping(SimulatorConfig.CLIENT_TOKEN_PATH)
    ApiData<ClientToken> clientToken(@RequestBody ClientCredentials credentials) throws InterruptedException {
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            throw SimulatorException.badRequest("client_id and client_secret are required");
        }
        Caller caller = tokens.caller(credentials.clientId(), credentials.clientSecret())
                .orElseThrow(() -> SimulatorException.unauthorized("Invalid client credentials"));
        faults.apply(caller.stack(), null);
        return ApiData.of(new ClientToken(tokens.issue(caller)));
    }
}
