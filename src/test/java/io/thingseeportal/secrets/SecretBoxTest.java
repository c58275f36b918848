package io.thingseeportal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String PLACE = "tenant/7/thingsee-client-secret";

    final SecretBox box = new SecretBox(new SecretsProperties(KEY_1, "k1", Map.of()));

    @Test
    void a_sealed_secret_opens_to_the_plain_one_and_does_not_contain_it() {
        String sealed = box.seal("hunter2-the-secret", PLACE);

        assertThat(sealed).startsWith("k1:").doesNotContain("hunter2");
        assertThat(box.open(sealed, PLACE)).isEqualTo("hunter2-the-secret");
    }

    @Test
    void the_same_secret_sealed_twice_reads_differently() {
        assertThat(box.seal("same", PLACE)).isNotEqualTo(box.seal("same", PLACE));
    }

    @Test
    void a_secret_sealed_for_one_place_does_not_open_in_another() {
        String sealed = box.seal("hunter2", PLACE);

        assertThatThrownBy(() -> box.open(sealed, "tenant/8/thingsee-client-secret"))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("tenant/8/thingsee-client-secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void a_changed_sealed_secret_does_not_open() {
        String sealed = box.seal("hunter2", PLACE);
        char last = sealed.charAt(sealed.length() - 3);
        String changed = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> box.open(changed, PLACE)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void a_sealed_secret_cut_shorter_than_its_nonce_and_tag_does_not_open() {
        String sealed = box.seal("hunter2", PLACE);
        String cut = sealed.substring(0, sealed.indexOf(':') + 1)
                + java.util.Base64.getEncoder().encodeToString("not a sealed secret".getBytes());

        assertThatThrownBy(() -> box.open(cut, PLACE)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void after_a_key_change_secrets_sealed_with_the_previous_key_still_open_and_new_ones_use_the_new_key() {
        String old = box.seal("hunter2", PLACE);
        var rotated = new SecretBox(new SecretsProperties(KEY_2, "k2", Map.of("k1", KEY_1)));

        assertThat(rotated.open(old, PLACE)).isEqualTo("hunter2");
        assertThat(rotated.sealedWithCurrentKey(old)).isFalse();
        String resealed = rotated.seal("hunter2", PLACE);
        assertThat(resealed).startsWith("k2:");
        assertThat(rotated.sealedWithCurrentKey(resealed)).isTrue();
    }

    @Test
    void a_secret_sealed_with_a_key_the_portal_no_longer_has_is_reported_by_its_key_id() {
        String old = box.seal("hunter2", PLACE);
        var forgotten = new SecretBox(new SecretsProperties(KEY_2, "k2", Map.of()));

        assertThatThrownBy(() -> forgotten.open(old, PLACE))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("portal.secrets.previous-keys");
    }

    @Test
    void a_key_that_is_not_base64_of_an_aes_key_is_refused_by_its_setting() {
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties("not base64!", "k1", Map.of())))
                .hasMessageContaining("portal.secrets.key must be Base64");
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties("c2hvcnQ=", "k1", Map.of())))
                .hasMessageContaining("portal.secrets.key must be Base64 of 16, 24 or 32 bytes");
    }

    @Test
    void the_settings_never_show_a_key_in_text() {
        assertThat(new SecretsProperties(KEY_2, "k2", Map.of("k1", KEY_1)).toString())
                .doesNotContain(KEY_1)
                .doesNotContain(KEY_2)
                .contains("k1");
    }
}
