package org.tutti.schema.h2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Tokens, generated passwords and bcrypt, written to give the same results as the PostgreSQL
 * functions (pgcrypto): a token is 32 random bytes in lower-case hex, the database keeps only
 * the lower-case hex SHA-256 of its text ({@code encode(digest(token, 'sha256'), 'hex')}); a
 * password is hashed as {@code crypt(password, gen_salt('bf', 10))} would, on its UTF-8 bytes,
 * of which bcrypt uses the first 72.
 */
final class Secrets {

    static final int TOKEN_BYTES = 32;
    static final int BCRYPT_COST = 10;
    static final int GENERATED_PASSWORD_LENGTH = 12;
    /** Letters and digits without the ones a reader confuses: 0 O o, 1 l I. */
    static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private static final int BCRYPT_MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new session token: 256 random bits. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 text. */
    static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A new password of {@value #GENERATED_PASSWORD_LENGTH} characters of {@link #PASSWORD_ALPHABET}. */
    static String newPassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** A {@code $2a$} bcrypt hash of cost {@value #BCRYPT_COST}. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = key(password);
        try {
            return OpenBSDBCrypt.generate("2a", key, salt, BCRYPT_COST);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** True when {@code password} matches {@code hash}; false for a malformed hash too. */
    static boolean matches(String hash, String password) {
        byte[] key = key(password);
        try {
            return OpenBSDBCrypt.checkPassword(hash, key);
        } catch (IllegalArgumentException e) {
            return false; // a hash bcrypt cannot read never matches
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The password's UTF-8 bytes, at most 72 of them (as pgcrypto's crypt reads it). */
    private static byte[] key(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return bytes;
        }
        byte[] key = Arrays.copyOf(bytes, BCRYPT_MAX_BYTES);
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    /** Checked when no account matches, so that every refusal costs one bcrypt. Made on first use. */
    static final class DummyHash {
        static final String VALUE = hash(newToken());

        private DummyHash() {
        }
    }
}
