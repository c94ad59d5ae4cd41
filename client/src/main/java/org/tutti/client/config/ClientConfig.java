package org.tutti.client.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The content of {@code tutti.json}, written by IT into the installer: how to reach the
 * school's database. Unknown properties (the relay's SMTP settings, later ones) are ignored.
 *
 * <pre>{"database": {"url": "jdbc:postgresql://db.example.org/tutti?sslmode=verify-full",
 *                 "user": "tutti_family", "password": "..."}}</pre>
 *
 * @param source the file it was read from
 */
public record ClientConfig(Path source, Database database) {

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

    /** The file as Jackson reads it, before {@link ClientConfigLoader} checks it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileContent(@JsonProperty("database") Database database) {
    }
}
