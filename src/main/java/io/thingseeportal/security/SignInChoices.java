package io.thingseeportal.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.stereotype.Component;

/**
 * What the sign-in page offers: the organisation the host name names ({@code acme.portal.example}), the one an e-mail
 * address's domain belongs to, the list of organisations, and the operators' sign-in, each as the address that starts
 * the sign-in at the right provider.
 */
@Component
public class SignInChoices {

    /** One way to sign in: its label and the address that starts it. */
    public record Choice(String id, String label, String href) {}

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    private final SignInTenants tenants;
    private final OidcProperties operators;

    SignInChoices(SignInTenants tenants, OidcProperties operators) {
        this.tenants = tenants;
        this.operators = operators;
    }

    /** The organisation whose short name is the first label of a host name of three labels or more. */
    public Optional<Choice> forHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (IP_ADDRESS.matcher(name).matches()
                || name.chars().filter(c -> c == '.').count() < 2) {
            return Optional.empty();
        }
        String label = name.substring(0, name.indexOf('.'));
        return tenants.listForSignIn().stream()
                .filter(tenant -> tenant.slug().equals(label))
                .findFirst()
                .map(SignInChoices::choice);
    }

    /** The organisation that signs in users with this e-mail address; empty for an address without a domain. */
    public Optional<Choice> forEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        return tenants.findByEmailDomain(email.substring(at + 1)).map(SignInChoices::choice);
    }

    /** Every organisation whose users can sign in, by name; none when the list is switched off. */
    public List<Choice> organisations() {
        if (!operators.listOrganisations()) {
            return List.of();
        }
        return tenants.listForSignIn().stream().map(SignInChoices::choice).toList();
    }

    /** The operators' sign-in. */
    public Choice operators() {
        return new Choice("sign-in-operators", operators.displayName(), start(operators.registrationId()));
    }

    private static Choice choice(SignInTenants.SignInTenant tenant) {
        return new Choice("sign-in-" + tenant.slug(), tenant.name(), start(tenant.slug()));
    }

    private static String start(String registrationId) {
        return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + registrationId;
    }
}
