package org.tutti.client.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.service.ConfigurationFileException;
import org.tutti.client.service.InvalidSettingException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;

/**
 * Finds and reads {@code tutti.json}. The first folder that has one wins: the user's data folder
 * (a per-user file), then the system-wide folder ({@code /etc/tutti}, {@code %PROGRAMDATA%\Tutti},
 * {@code /Library/Application Support/Tutti}), then the installation folder (where the running jar
 * is: the file IT baked into the package). No file anywhere means the embedded demo, unless the
 * installation requires one ({@code -Dtutti.config.required=true}, set by the packaged editions
 * built with IT's file): then it is a configuration error naming the paths searched.
 *
 * <p>The school's CA certificate may travel beside the file: a relative {@code sslrootcert=} in
 * the URL is read from the folder of the file, and a URL that verifies the server
 * ({@code sslmode=verify-full} or {@code verify-ca}) without naming a certificate uses a
 * {@code root.crt} lying beside the file, when there is one (otherwise pgjdbc's default,
 * {@code ~/.postgresql/root.crt}). The URL handed to the driver then names the certificate by its
 * absolute path ({@link ClientConfig.Database#url()}; pgjdbc lets the URL's parameters override
 * the connection properties, so the URL is where the path must be). A certificate named but
 * absent stops the start with its path.
 *
 * <p>Problems are {@link ConfigurationFileException}s (or {@link InvalidSettingException},
 * {@link UnverifiedTlsException}) the login window explains in French with the file read; their
 * English message, with the technical detail, is for the log and the relay's standard error.
 */
public final class ClientConfigLoader {

    public static final String FILE_NAME = "tutti.json";
    /**
     * {@code -Dtutti.config.required=true}: no file anywhere is an error, not the demo (the
     * packaged editions built with IT's file set it in their launcher).
     */
    public static final String REQUIRED_PROPERTY = "tutti.config.required";
    /** The CA certificate a verifying URL uses when it names none and one lies beside the file. */
    public static final String CA_CERTIFICATE_FILE = "root.crt";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfigLoader.class);
    /** How the timeouts' names end ("database.loginTimeoutSeconds"). */
    private static final String TIMEOUT_SUFFIX = "TimeoutSeconds";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            // "loginTimeoutSeconds": 2.5 is refused, not read as 2
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    private final List<Path> folders;
    private final boolean required;

    /** Searches {@code folders}, in order; none found means the embedded demo. */
    public ClientConfigLoader(List<Path> folders) {
        this(folders, false);
    }

    /**
     * Searches {@code folders}, in order.
     *
     * @param required true when finding no file is a configuration error instead of the demo
     */
    public ClientConfigLoader(List<Path> folders, boolean required) {
        this.folders = List.copyOf(folders);
        this.required = required;
    }

    /**
     * Searches the standard folders: {@code dataFolder} (the user's), the system-wide folder, the
     * installation folder; required when {@value #REQUIRED_PROPERTY} is true.
     */
    public static ClientConfigLoader standard(Path dataFolder) {
        List<Path> folders = new ArrayList<>();
        folders.add(dataFolder);
        systemFolder(System.getProperty("os.name", ""), System.getenv()).ifPresent(folders::add);
        installationFolder().ifPresent(folders::add);
        return new ClientConfigLoader(folders, Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY)));
    }

    public List<Path> folders() {
        return folders;
    }

    /** True when finding no file is a configuration error instead of the embedded demo. */
    public boolean required() {
        return required;
    }

    /**
     * The configuration, or empty when no folder has a {@code tutti.json} and none is required.
     *
     * @throws ConfigurationFileException when the first file found cannot be read, is not valid
     *         JSON, lacks the database settings, or names a CA certificate that does not exist
     *         (the message names the file and the problem), or when none is found and one is
     *         required (the message names the files searched). An {@link InvalidSettingException}
     *         for a timeout out of range, an {@link UnverifiedTlsException} when the URL reaches
     *         another computer without verifying the server's certificate and the file does not
     *         allow it explicitly
     */
    public Optional<ClientConfig> load() {
        for (Path folder : folders) {
            Path file = folder.resolve(FILE_NAME);
            if (Files.exists(file)) {
                ClientConfig config = read(file);
                LOG.info("Configuration read from {}: {} mode, database {} as {}", file,
                        config.mode().jsonValue(), config.database().displayUrl(), config.database().user());
                return Optional.of(config);
            }
        }
        if (required) {
            List<String> searched = folders.stream().map(folder -> folder.resolve(FILE_NAME).toString()).toList();
            throw new ConfigurationFileException(ConfigurationFileException.Problem.NOT_FOUND, null, searched,
                    "No " + FILE_NAME + " found, and this installation needs one (" + REQUIRED_PROPERTY
                            + "=true): searched " + String.join(", ", searched), null);
        }
        LOG.info("No {} in {}: embedded demo", FILE_NAME, folders);
        return Optional.empty();
    }

    /** Reads and checks one file. */
    public ClientConfig read(Path file) {
        ClientConfig.FileContent content = parse(file);
        if (content == null || content.database() == null) {
            throw missingSection(file, "database");
        }
        ClientConfig.Mode mode = mode(file, content.mode());
        ClientConfig.Database checked = database(file, content.database(), "database");
        return new ClientConfig(file, mode, checked, content.smtp(), content.relay());
    }

    /**
     * Reads one file for the headless mail relay: only {@code "smtp"} and {@code "relay"} are
     * needed (and checked); {@link ClientConfig#database()} is the relay's own connection.
     *
     * @throws ServiceException BAD_CONFIGURATION naming the file and the first problem
     */
    public ClientConfig readForRelay(Path file) {
        if (!Files.isRegularFile(file)) {
            throw bad(file, "it does not exist", null);
        }
        ClientConfig.FileContent content = parse(file);
        if (content == null || content.relay() == null || content.relay().database() == null) {
            throw new ConfigurationFileException(ConfigurationFileException.Problem.MISSING_SECTION, file,
                    List.of("relay.database"), unusable(file,
                            "it has no \"relay.database\" section (the relay connects as tutti_relay)"), null);
        }
        ClientConfig.Database database = database(file, content.relay().database(), "relay.database");
        ClientConfig.Smtp smtp = content.smtp();
        if (smtp == null) {
            throw missingSection(file, "smtp");
        }
        if (smtp.host() == null || smtp.host().isBlank()) {
            throw missingSetting(file, "smtp.host");
        }
        if (smtp.port() != null && (smtp.port() < 1 || smtp.port() > 65535)) {
            throw bad(file, "\"smtp.port\" must be between 1 and 65535 (found " + smtp.port() + ")", null);
        }
        if (smtp.security() != null && !List.of("STARTTLS", "TLS", "NONE")
                .contains(smtp.security().strip().toUpperCase(Locale.ROOT))) {
            throw bad(file, "\"smtp.security\" must be \"STARTTLS\", \"TLS\" or \"NONE\" (found \""
                    + smtp.security() + "\")", null);
        }
        if (smtp.from() == null || !smtp.from().contains("@")) {
            throw bad(file, "\"smtp.from\" must be the sender's e-mail address", null);
        }
        ClientConfig.Relay relay = content.relay();
        positive(file, "relay.pollSeconds", relay.pollSeconds());
        positive(file, "relay.giveUpHours", relay.giveUpHours());
        positive(file, "relay.backoffBaseSeconds", relay.backoffBaseSeconds());
        positive(file, "relay.backoffMaxSeconds", relay.backoffMaxSeconds());
        return new ClientConfig(file, mode(file, content.mode()), database, smtp, relay);
    }

    private static void positive(Path file, String name, Integer value) {
        if (value != null && value <= 0) {
            throw bad(file, "\"" + name + "\" must be a positive number (found " + value + ")", null);
        }
    }

    private ClientConfig.FileContent parse(Path file) {
        ClientConfig.FileContent content;
        try (InputStream in = Files.newInputStream(file)) {
            content = mapper.readValue(in, ClientConfig.FileContent.class);
        } catch (MismatchedInputException e) {
            String setting = settingPath(e);
            if (setting.endsWith(TIMEOUT_SUFFIX)) {
                String found = e instanceof InvalidFormatException invalid ? "\"" + invalid.getValue() + "\"" : "?";
                throw timeout(file, setting, found, e);
            }
            throw notJson(file, e);
        } catch (JacksonException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw new ConfigurationFileException(ConfigurationFileException.Problem.UNREADABLE, file, List.of(),
                    unusable(file, "it cannot be read (" + e + ")"), e);
        }
        return content;
    }

    private static ServiceException notJson(Path file, JacksonException e) {
        var where = e.getLocation();
        String line = where == null ? "?" : String.valueOf(where.getLineNr());
        String column = where == null ? "?" : String.valueOf(where.getColumnNr());
        String position = where == null ? "" : "line " + line + ", column " + column + ": ";
        return new ConfigurationFileException(ConfigurationFileException.Problem.NOT_JSON, file,
                List.of(line, column), unusable(file, "it is not valid JSON (" + position + e.getOriginalMessage()
                        + ")"), e);
    }

    /** "database.loginTimeoutSeconds": the setting a Jackson error is about. */
    private static String settingPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static InvalidSettingException timeout(Path file, String setting, String found, Throwable cause) {
        return new InvalidSettingException(file, setting, 1, ClientConfig.Timeouts.MAX_SECONDS, found, cause);
    }

    /** A timeout of the file, when it has one: 1 to {@link ClientConfig.Timeouts#MAX_SECONDS}. */
    private static void timeout(Path file, String setting, Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > ClientConfig.Timeouts.MAX_SECONDS)) {
            throw timeout(file, setting, String.valueOf(seconds), null);
        }
    }

    private static ClientConfig.Database database(Path file, ClientConfig.Database database, String name) {
        if (database.url() == null || database.url().isBlank()) {
            throw missingSetting(file, name + ".url");
        }
        String url = database.url().strip().toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            String found = database.url().strip();
            found = found.indexOf('?') < 0 ? found : found.substring(0, found.indexOf('?')) + "?...";
            throw new ConfigurationFileException(ConfigurationFileException.Problem.NOT_POSTGRES_URL, file,
                    List.of(name + ".url"), unusable(file, "\"" + name + ".url\" must start with jdbc:postgresql:"
                            + " (found \"" + found + "\")"), null);
        }
        if (database.user() == null || database.user().isBlank()) {
            throw missingSetting(file, name + ".user");
        }
        timeout(file, name + ".connectTimeoutSeconds", database.connectTimeoutSeconds());
        timeout(file, name + ".loginTimeoutSeconds", database.loginTimeoutSeconds());
        timeout(file, name + ".socketTimeoutSeconds", database.socketTimeoutSeconds());
        ClientConfig.Database checked = new ClientConfig.Database(database.url().strip(), database.user().strip(),
                database.password() == null ? "" : database.password(), database.allowUnverifiedTls(),
                database.connectTimeoutSeconds(), database.loginTimeoutSeconds(), database.socketTimeoutSeconds());
        checkTls(file, checked, name);
        return withCaCertificate(file, checked, name);
    }

    /**
     * {@code database} with its URL naming the CA certificate by its absolute path, when the URL
     * names a relative one (read from the file's folder) or verifies the server without naming
     * one while a {@value #CA_CERTIFICATE_FILE} lies beside the file; unchanged otherwise.
     *
     * @throws ConfigurationFileException CA_CERTIFICATE_MISSING when the certificate named does not exist
     */
    private static ClientConfig.Database withCaCertificate(Path file, ClientConfig.Database database, String name) {
        if (!PostgresConnectionUrl.isPostgres(database.url())) {
            return database;
        }
        PostgresConnectionUrl parsed = PostgresConnectionUrl.parse(database.url());
        Path folder = file.toAbsolutePath().getParent();
        Path certificate;
        if (parsed.sslRootCert().isPresent()) {
            String named = parsed.sslRootCert().get();
            try {
                certificate = folder.resolve(named).normalize();
            } catch (InvalidPathException e) {
                throw caCertificateMissing(file, name, named, named);
            }
            if (!Files.isRegularFile(certificate)) {
                throw caCertificateMissing(file, name, named, certificate.toString());
            }
            if (certificate.toString().equals(named)) {
                LOG.info("{}: CA certificate {}", file, certificate);
                return database; // already absolute
            }
        } else if (parsed.verifiesTheServer() && Files.isRegularFile(folder.resolve(CA_CERTIFICATE_FILE))) {
            certificate = folder.resolve(CA_CERTIFICATE_FILE);
        } else {
            return database;
        }
        LOG.info("{}: CA certificate {} (from the file's folder)", file, certificate);
        return new ClientConfig.Database(PostgresConnectionUrl.withSslRootCert(database.url(), certificate.toString()),
                database.user(), database.password(), database.allowUnverifiedTls(), database.connectTimeoutSeconds(),
                database.loginTimeoutSeconds(), database.socketTimeoutSeconds());
    }

    /**
     * Refuses a URL that reaches another computer without verifying the server's certificate
     * (see {@link PostgresConnectionUrl}), unless the file allows it explicitly, which is logged
     * as a warning at every start.
     *
     * @throws UnverifiedTlsException naming the file, the URL setting and the opt-out
     */
    private static void checkTls(Path file, ClientConfig.Database database, String name) {
        Optional<String> server = database.unverifiedServer();
        if (server.isEmpty()) {
            return;
        }
        String urlSetting = name + ".url";
        String optOutSetting = name + "." + ClientConfig.Database.ALLOW_UNVERIFIED_TLS;
        String request = PostgresConnectionUrl.parse(database.url()).tlsRequest();
        if (!database.allowUnverifiedTls()) {
            throw new UnverifiedTlsException(file, urlSetting, optOutSetting, "The configuration file " + file
                    + " is refused: \"" + urlSetting + "\" must ask for sslmode=verify-full (or verify-ca) to reach a"
                    + " server on another computer (it reaches " + server.get() + " with " + request + "); without it,"
                    + " a machine in the middle could read the passwords. To accept that risk anyway, set \""
                    + optOutSetting + "\": true");
        }
        LOG.warn("{} allows an unverified connection to {} ({} in \"{}\", \"{}\": true): a machine in the middle"
                + " could read the passwords", file, server.get(), request, urlSetting, optOutSetting);
    }

    /** "family" (also when absent) or "staff", in any case. */
    private static ClientConfig.Mode mode(Path file, String value) {
        if (value == null) {
            return ClientConfig.Mode.FAMILY;
        }
        for (ClientConfig.Mode mode : ClientConfig.Mode.values()) {
            if (mode.jsonValue().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new ConfigurationFileException(ConfigurationFileException.Problem.BAD_MODE, file, List.of(value),
                unusable(file, "\"mode\" must be \"family\" or \"staff\" (found \"" + value + "\")"), null);
    }

    private static ConfigurationFileException caCertificateMissing(Path file, String name, String named,
            String path) {
        return new ConfigurationFileException(ConfigurationFileException.Problem.CA_CERTIFICATE_MISSING, file,
                List.of(path, name + ".url"), unusable(file, "\"" + name + ".url\" names the CA certificate"
                        + " sslrootcert=" + named + ", not found at " + path), null);
    }

    private static ConfigurationFileException missingSection(Path file, String section) {
        return new ConfigurationFileException(ConfigurationFileException.Problem.MISSING_SECTION, file,
                List.of(section), unusable(file, "it has no \"" + section + "\" section"), null);
    }

    private static ConfigurationFileException missingSetting(Path file, String setting) {
        return new ConfigurationFileException(ConfigurationFileException.Problem.MISSING_SETTING, file,
                List.of(setting), unusable(file, "\"" + setting + "\" is missing"), null);
    }

    /** A problem the relay alone meets (its window is standard error): English only. */
    private static ServiceException bad(Path file, String problem, Throwable cause) {
        return new ServiceException(ServiceException.Reason.BAD_CONFIGURATION, unusable(file, problem), cause);
    }

    private static String unusable(Path file, String problem) {
        return "The configuration file " + file + " is unusable: " + problem;
    }

    /** The folder of the running jar (in a jpackage image: the {@code app} folder). */
    static Optional<Path> installationFolder() {
        try {
            var codeSource = ClientConfigLoader.class.getProtectionDomain().getCodeSource();
            if (codeSource == null || codeSource.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(codeSource.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            LOG.warn("Cannot locate the installation folder: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The system-wide configuration folder of the operating system. */
    static Optional<Path> systemFolder(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String programData = env.get("PROGRAMDATA");
            return programData == null || programData.isBlank()
                    ? Optional.empty()
                    : Optional.of(Path.of(programData, "Tutti"));
        }
        if (os.contains("mac")) {
            return Optional.of(Path.of("/Library", "Application Support", "Tutti"));
        }
        return Optional.of(Path.of("/etc", "tutti"));
    }
}
