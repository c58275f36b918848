package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm under {@code docker/keycloak/} (docs/deployment.md) fits the portal, checked without Keycloak: a
 * confidential client with PKCE and the portal's redirect address for the tenant, and groups in the ID token that the
 * mapping the guide gives turns into the portal's three tenant roles.
 */
class KeycloakRealmTest {

    private final JsonNode realm;
    private final JsonNode client;

    KeycloakRealmTest() throws IOException {
        realm = new ObjectMapper()
                .readTree(Path.of("docker/keycloak/thingsee-realm.json").toFile());
        client = realm.path("clients").get(0);
    }

    @Test
    void the_portal_is_a_confidential_client_of_the_authorization_code_flow_with_pkce() {
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
    }

    @Test
    void it_sends_users_back_to_the_tenants_own_sign_in_address() {
        String tenant = realm.path("realm").asText();

        assertThat(client.path("redirectUris").get(0).asText()).endsWith("/login/oauth2/code/" + tenant);
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText())
                .endsWith("/");
    }

    @Test
    void its_groups_reach_the_id_token_and_the_guides_mapping_gives_every_tenant_role() {
        JsonNode mapper = client.path("protocolMappers").get(0);
        assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-group-membership-mapper");
        assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("groups");
        assertThat(mapper.path("config").path("id.token.claim").asText()).isEqualTo("true");
        assertThat(mapper.path("config").path("full.path").asText()).isEqualTo("false");
        List<String> groups = new ArrayList<>();
        realm.path("groups").forEach(group -> groups.add(group.path("name").asText()));

        var mapping = RoleMapping.parse("portal-admins=ADMIN\nfield-installers=INSTALLER\nportal-viewers=VIEWER");

        assertThat(mapping.roles(groups, RoleMapping.TENANT_ROLES))
                .containsExactly(AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER);
    }
}
