package org.tutti.client.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The content of {@code tutti.json}, written by IT into the installer: which kind of client this
 * is and how to reach the school's database. Unknown properties (the relay's SMTP settings,
 * later ones) are ignored.
 *
 * <pre>{"mode": "family",
 *  "database": {"url": "jdbc:postgresql://db.example.org/tutti?ssl=true&amp;sslmode=verify-full",
 *               "user": "tutti_family", "password": "..."}}</pre>
 *
 * @param source the file it was read from
 * @param mode   family (installed at home) or staff (front desk); family when absent
 */
public record ClientConfig(Path source, Mode mode, Database database, Smtp smtp, Relay relay) {

    /** A client's configuration (no relay settings). */
    public ClientConfig(Path source, Mode mode, Database database) {
        this(source, mode, database, null, null);
    }

    /** Which clients an installation serves; each connects as its own login role. */
    public enum Mode {
        FAMILY("family", "tutti_family"),
        STAFF("staff", "tutti_staff");

        private final String jsonValue;
        private final String loginRole;

        Mode(String jsonValue, String loginRole) {
            this.jsonValue = jsonValue;
            this.loginRole = loginRole;
        }

        /** How {@code tutti.json} spells it. */
        public String jsonValue() {
            return jsonValue;
        }

        /** The PostgreSQL login role this mode connects as (SQL-API.md). */
        public String loginRole() {
            return loginRole;
        }
    }

    /** The database connection; the password is never shown by {@link #toString()}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Database(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password) {

        /** The URL without its parameters (which may carry a password), for logs and messages. */
        public String displayUrl() {
            if (url == null) {
                return null;
            }
            int parameters = url.indexOf('?');
            return parameters < 0 ? url : url.substring(0, parameters) + "?...";
        }

        @Override
        public String toString() {
            return "Database[url=" + displayUrl() + ", user=" + user + ", password=***]";
        }
    }

    /**
     * The SMTP server of the headless mail relay ({@code "smtp"}); {@code security} is
     * {@code "STARTTLS"} (default), {@code "TLS"} or {@code "NONE"}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Smtp(
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("security") String security,
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("from") String from,
            @JsonProperty("fromName") String fromName,
            @JsonProperty("timeoutSeconds") Integer timeoutSeconds) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                    + ", password=***, from=" + from + "]";
        }
    }

    /**
     * The headless mail relay ({@code "relay"}): its own connection (as {@code tutti_relay}) and
     * pacing; absent numbers take the defaults (poll 30 s, give up after 48 h, back-off 30 s to 3600 s).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Relay(
            @JsonProperty("database") Database database,
            @JsonProperty("pollSeconds") Integer pollSeconds,
            @JsonProperty("giveUpHours") Integer giveUpHours,
            @JsonProperty("backoffBaseSeconds") Integer backoffBaseSeconds,
            @JsonProperty("backoffMaxSeconds") Integer backoffMaxSeconds) {
    }

    /** The file as Jackson reads it, before {@link ClientConfigLoader} checks it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileContent(@JsonProperty("mode") String mode, @JsonProperty("database") Database database,
                       @JsonProperty("smtp") Smtp smtp, @JsonProperty("relay") Relay relay) {
    }
}
