package io.thingseeportal.secrets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that seal secrets kept in the database ({@code portal.secrets.*}).
 *
 * @param key the current key, Base64 of 32 random bytes ({@code openssl rand -base64 32}); new and changed secrets are
 *     sealed with it
 * @param keyId the current key's name, stored beside each sealed secret, so that a key can be replaced: give the new
 *     key a new id and move the old one to {@code previous-keys}
 * @param previousKeys earlier keys by id, Base64 as {@code key}: secrets sealed with them are still read, and sealed
 *     again with the current key when they are next read
 */
@Validated
@ConfigurationProperties("portal.secrets")
public record SecretsProperties(
        @NotBlank String key,

        @DefaultValue("1") @NotBlank @Pattern(regexp = SecretsProperties.KEY_ID)
        String keyId,

        @DefaultValue @NotNull Map<@Pattern(regexp = SecretsProperties.KEY_ID) String, @NotBlank String> previousKeys) {

    static final String KEY_ID = "[A-Za-z0-9_-]{1,32}";

    @Override
    public String toString() {
        return "SecretsProperties[key=***, keyId=" + keyId + ", previousKeys=" + previousKeys.keySet() + "]";
    }
}
