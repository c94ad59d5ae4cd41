package org.tutti.installer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IT's {@code tutti.json} for one edition ({@code -Dtutti.config.family=FILE}), checked when the
 * package is built so that a wrong file stops the build instead of every family's first start:
 * valid JSON, the edition's {@code "mode"} and login role, a PostgreSQL URL that verifies the
 * server's certificate (the client's TLS rule), and the CA certificate it names by a relative
 * {@code sslrootcert=} lying beside the file. The file is copied into the application folder as
 * {@code tutti.json}, its certificate beside it (a {@code root.crt} beside the file travels too
 * when the URL names none).
 */
public record BakedConfig(Edition edition, Path file, List<Path> companions) {

    static final String FILE_NAME = "tutti.json";
    static final String DEFAULT_ROOT_CERT = "root.crt";

    /** The checked file, or empty when {@code value} is blank (the edition then has no baked file). */
    public static Optional<BakedConfig> check(String value, Edition edition) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(value.strip()).toAbsolutePath().normalize();
        String property = "tutti.config." + edition.name().toLowerCase(Locale.ROOT);
        if (!edition.desktop()) {
            throw new PackagingException(property + ": the relay takes its configuration from /etc/tutti/tutti-relay.json, not from the package");
        }
        if (!Files.isRegularFile(file)) {
            throw bad(property, file, "the file does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            var where = e.getLocation();
            String position = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
            throw bad(property, file, "it is not valid JSON (" + position + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw bad(property, file, "it cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(property, file, "it is not a JSON object");
        }
        String mode = root.path("mode").isMissingNode() ? "family" : root.path("mode").asText();
        if (!edition.mode().equals(mode)) {
            throw bad(property, file, "its \"mode\" is \"" + mode + "\", the " + edition.mode()
                    + " edition needs \"mode\": \"" + edition.mode() + "\"");
        }
        JsonNode database = root.path("database");
        if (!database.isObject()) {
            throw bad(property, file, "it has no \"database\" section");
        }
        String role = "tutti_" + edition.mode();
        String user = database.path("user").asText("");
        if (!role.equals(user)) {
            throw bad(property, file, "\"database.user\" is \"" + user + "\", the " + edition.mode()
                    + " edition connects as \"" + role + "\"");
        }
        String url = database.path("url").asText("");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw bad(property, file, "\"database.url\" must be a PostgreSQL URL (jdbc:postgresql://host:port/database?...)");
        }
        Map<String, String> parameters = parameters(url);
        boolean unverifiedAllowed = database.path("allowUnverifiedTls").asBoolean(false);
        String sslmode = parameters.getOrDefault("sslmode", "").toLowerCase(Locale.ROOT);
        if (!isLocal(host(url)) && !unverifiedAllowed && !sslmode.equals("verify-full") && !sslmode.equals("verify-ca")) {
            throw bad(property, file, "\"database.url\" must ask for sslmode=verify-full (the server's certificate is checked)"
                    + " or the file must say \"allowUnverifiedTls\": true");
        }
        List<Path> companions = new ArrayList<>();
        String rootCert = parameters.get("sslrootcert");
        if (rootCert != null && !rootCert.isBlank()) {
            Path named = Path.of(rootCert);
            if (!named.isAbsolute()) {
                Path beside = file.getParent().resolve(named).normalize();
                if (!Files.isRegularFile(beside)) {
                    throw bad(property, file, "its URL names the CA certificate sslrootcert=" + rootCert
                            + ", which is not beside it (" + beside + ")");
                }
                if (!beside.getParent().equals(file.getParent())) {
                    throw bad(property, file, "sslrootcert=" + rootCert
                            + " must name a file in the same folder (it is copied beside tutti.json)");
                }
                companions.add(beside);
            }
        } else {
            Path beside = file.getParent().resolve(DEFAULT_ROOT_CERT);
            if (Files.isRegularFile(beside)) {
                companions.add(beside);
            }
        }
        return Optional.of(new BakedConfig(edition, file, List.copyOf(companions)));
    }

    /** Copies the file as {@code tutti.json} and its certificate into {@code appFolder}. */
    public void copyInto(Path appFolder) throws IOException {
        Files.copy(file, appFolder.resolve(FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Path companion : companions) {
            Files.copy(companion, appFolder.resolve(companion.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static PackagingException bad(String property, Path file, String problem) {
        return new PackagingException(property + "=" + file + " cannot be baked into the package: " + problem);
    }

    static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = url.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(key.toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    static String host(String url) {
        String rest = url.substring("jdbc:postgresql://".length());
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String hostPort = rest.substring(0, end);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
