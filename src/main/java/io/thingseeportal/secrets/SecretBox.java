package io.thingseeportal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals and opens secrets kept at rest: AES-GCM with a random 96-bit nonce per seal, and the secret's place (such as
 * {@code tenant/7/thingsee-client-secret}) as associated data, so that a sealed value copied to another row or column
 * does not open. A sealed secret reads {@code <key id>:<Base64 of nonce and ciphertext>}; the key id picks the key
 * that opens it, so that keys can be replaced ({@link SecretsProperties}). The plain text is never logged.
 */
@Component
public class SecretBox {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretsProperties properties) {
        this.currentKeyId = properties.keyId();
        keys.put(currentKeyId, key("portal.secrets.key", properties.key()));
        properties.previousKeys().forEach((id, key) -> {
            if (!id.equals(currentKeyId)) {
                keys.put(id, key("portal.secrets.previous-keys." + id, key));
            }
        });
    }

    /** The secret sealed with the current key, for the given place. */
    public String seal(String plain, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, place);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plain secret of a sealed one, sealed for the given place.
     *
     * @throws UnreadableSecretException when its key is unknown, or it was changed or sealed for another place
     */
    public String open(String sealed, String place) {
        int colon = sealed.indexOf(':');
        if (colon <= 0) {
            throw new UnreadableSecretException("The secret of " + place + " is not a sealed secret");
        }
        String keyId = sealed.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableSecretException("The secret of " + place + " is sealed with key '" + keyId
                    + "', which is neither portal.secrets.key-id nor in portal.secrets.previous-keys");
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.substring(colon + 1));
            if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new UnreadableSecretException("The secret of " + place + " is cut short");
            }
            byte[] nonce = java.util.Arrays.copyOfRange(stored, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, place);
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException | java.security.ProviderException e) {
            throw new UnreadableSecretException(
                    "The secret of " + place + " does not open with key '" + keyId + "': it was changed, or sealed"
                            + " for another place",
                    e);
        }
    }

    /**
     * Opens a sealed secret as {@link #open} does; one sealed with a previous key is sealed again with the current key
     * and handed to {@code storeResealed}, so that the reader keeps it and previous keys can retire.
     */
    public String openRenewing(String sealed, String place, java.util.function.Consumer<String> storeResealed) {
        String plain = open(sealed, place);
        if (!sealedWithCurrentKey(sealed)) {
            storeResealed.accept(seal(plain, place));
        }
        return plain;
    }

    /** Whether a sealed secret was sealed with the current key (else its reader seals it again with that key). */
    public boolean sealedWithCurrentKey(String sealed) {
        return sealed.startsWith(currentKeyId + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String place) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey key(String setting, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be Base64 (openssl rand -base64 32)", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(setting + " must be Base64 of 16, 24 or 32 bytes (openssl rand -base64"
                    + " 32), not of " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
