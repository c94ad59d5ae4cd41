package org.tutti.client.mail;

import java.time.Duration;

/**
 * The SMTP server the headless relay sends through ({@code smtp} in {@code tutti.json}).
 *
 * @param username null or blank: no authentication
 * @param fromName the personal name shown with {@code from} (the school's name), may be null
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
                           String from, String fromName, Duration timeout) {

    /** How the connection is protected. */
    public enum Security {
        /** plain connection upgraded with STARTTLS (required), usually port 587 */
        STARTTLS,
        /** TLS from the first byte (SMTPS), usually port 465 */
        TLS,
        /** no encryption (a relay on the same host or a test server) */
        NONE
    }

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=***, from=" + from + "]";
    }
}
