package dev.hallpass;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a text under a key, in hex: how the decision log refers to text without holding it. */
final class TextHasher {
    private final SecretKeySpec key;

    TextHasher(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a text hash key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    static TextHasher random() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new TextHasher(k);
    }

    String hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
