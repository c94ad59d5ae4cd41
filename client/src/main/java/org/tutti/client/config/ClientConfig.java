package org.tutti.client.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The content of {@code tutti.json}, written by IT into the installer: which kind of client this
 * is and how to reach the school's database. Unknown properties (the relay's SMTP settings,
 * later ones) are ignored.
 *
 * <pre>{"mode": "family",
 *  "database": {"url": "jdbc:postgresql://db.example.org/tutti?ssl=true&amp;sslmode=verify-full",
 *               "user": "tutti_family", "password": "..."}}</pre>
 *
 * <p>A database on another computer must be reached over TLS that verifies the server's
 * certificate: the URL asks for {@code sslmode=verify-full} (or {@code verify-ca}), otherwise the
 * file is refused at start (see {@link PostgresConnectionUrl} for the exact rule; a server on
 * this computer, such as the relay's {@code localhost}, is exempt). Where IT cannot do that yet,
 * it may accept the risk explicitly, and the login window then shows a warning:
 *
 * <pre>"database": {"url": "jdbc:postgresql://db.example.org/tutti?sslmode=require",
 *              "user": "tutti_family", "password": "...", "allowUnverifiedTls": true}</pre>
 *
 * <p>Every connection gives up on a server that does not answer (see {@link Timeouts}); IT may
 * change the delays in the same section: {@code "connectTimeoutSeconds"},
 * {@code "loginTimeoutSeconds"}, {@code "socketTimeoutSeconds"}.
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

    /**
     * The database connection; the password is never shown by {@link #toString()}.
     *
     * @param allowUnverifiedTls IT's explicit consent ({@code "allowUnverifiedTls": true}) to a URL
     *                           that reaches another computer without verifying its certificate;
     *                           false when absent
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Database(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password,
            @JsonProperty("allowUnverifiedTls") boolean allowUnverifiedTls,
            @JsonProperty("connectTimeoutSeconds") Integer connectTimeoutSeconds,
            @JsonProperty("loginTimeoutSeconds") Integer loginTimeoutSeconds,
            @JsonProperty("socketTimeoutSeconds") Integer socketTimeoutSeconds) {

        /** The JSON name of the opt-out, as messages name it. */
        public static final String ALLOW_UNVERIFIED_TLS = "allowUnverifiedTls";

        /** A connection without the opt-out, with the default timeouts. */
        public Database(String url, String user, String password) {
            this(url, user, password, false);
        }

        /** A connection with the default timeouts. */
        public Database(String url, String user, String password, boolean allowUnverifiedTls) {
            this(url, user, password, allowUnverifiedTls, null, null, null);
        }

        /** The timeouts of every connection: the file's, or the defaults where it has none. */
        public Timeouts timeouts() {
            return new Timeouts(
                    connectTimeoutSeconds == null ? Timeouts.DEFAULT_CONNECT_SECONDS : connectTimeoutSeconds,
                    loginTimeoutSeconds == null ? Timeouts.DEFAULT_LOGIN_SECONDS : loginTimeoutSeconds,
                    socketTimeoutSeconds == null ? Timeouts.DEFAULT_SOCKET_SECONDS : socketTimeoutSeconds);
        }

        /**
         * The server(s) this URL reaches without verifying their certificate, for warnings
         * ("db.school.example", or the URL without its parameters when the hosts cannot be read
         * from it); empty when the connection is verified, stays on this computer, or is not
         * PostgreSQL (H2 URLs are for development only and are not checked).
         */
        public Optional<String> unverifiedServer() {
            if (!PostgresConnectionUrl.isPostgres(url)) {
                return Optional.empty();
            }
            PostgresConnectionUrl parsed = PostgresConnectionUrl.parse(url);
            if (!parsed.isUnverifiedRemote()) {
                return Optional.empty();
            }
            return Optional.of(parsed.hosts().isEmpty() ? displayUrl() : String.join(", ", parsed.hosts()));
        }

        /**
         * What {@code DriverManager.getConnection(url(), ...)} needs: the user, the password and,
         * for PostgreSQL, the {@link #timeouts()}.
         */
        public Properties connectionProperties() {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
            if (PostgresConnectionUrl.isPostgres(url)) {
                properties.putAll(timeouts().driverProperties());
            }
            return properties;
        }

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
            return "Database[url=" + displayUrl() + ", user=" + user + ", password=***"
                    + (allowUnverifiedTls ? ", allowUnverifiedTls" : "") + ", " + timeouts() + "]";
        }
    }

    /**
     * How long a connection waits for the server, in seconds, as the PostgreSQL driver's settings
     * of the same names (a parameter of the same name in the URL wins over them).
     *
     * @param connectSeconds opening the TCP connection (a server that is off or unreachable)
     * @param loginSeconds   the whole opening, TLS and authentication included: a server that takes
     *                       the connection but never answers is reported after this delay
     * @param socketSeconds  any one answer once connected. Longer than the others: it bounds every
     *                       query, and a slow one on a busy server must not be cut off; a server that
     *                       freezes is still found quickly, because the pool tests a connection
     *                       before lending it (a few seconds) and a new one obeys the two others
     */
    public record Timeouts(int connectSeconds, int loginSeconds, int socketSeconds) {

        public static final int DEFAULT_CONNECT_SECONDS = 10;
        public static final int DEFAULT_LOGIN_SECONDS = 10;
        public static final int DEFAULT_SOCKET_SECONDS = 60;
        /** The longest delay the file may ask for (one hour). */
        public static final int MAX_SECONDS = 3600;

        /** The PostgreSQL driver's settings (seconds, as text). */
        public Map<String, String> driverProperties() {
            return Map.of("connectTimeout", String.valueOf(connectSeconds),
                    "loginTimeout", String.valueOf(loginSeconds),
                    "socketTimeout", String.valueOf(socketSeconds));
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
