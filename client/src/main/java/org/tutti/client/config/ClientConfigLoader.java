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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.service.InvalidSettingException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;

/**
 * Finds and reads {@code tutti.json}. The first folder that has one wins: the installation
 * folder (where the running jar is), then the system-wide folder ({@code /etc/tutti},
 * {@code %PROGRAMDATA%\Tutti}, {@code /Library/Application Support/Tutti}), then the user's data
 * folder. No file anywhere means the embedded demo.
 */
public final class ClientConfigLoader {

    public static final String FILE_NAME = "tutti.json";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfigLoader.class);
    /** How the timeouts' names end ("database.loginTimeoutSeconds"). */
    private static final String TIMEOUT_SUFFIX = "TimeoutSeconds";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            // "loginTimeoutSeconds": 2.5 is refused, not read as 2
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    private final List<Path> folders;

    /** Searches {@code folders}, in order. */
    public ClientConfigLoader(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** Searches the standard folders, ending with {@code dataFolder}. */
    public static ClientConfigLoader standard(Path dataFolder) {
        List<Path> folders = new ArrayList<>();
        installationFolder().ifPresent(folders::add);
        systemFolder(System.getProperty("os.name", ""), System.getenv()).ifPresent(folders::add);
        folders.add(dataFolder);
        return new ClientConfigLoader(folders);
    }

    public List<Path> folders() {
        return folders;
    }

    /**
     * The configuration, or empty when no folder has a {@code tutti.json}.
     *
     * @throws ServiceException BAD_CONFIGURATION when the first file found cannot be read, is
     *         not valid JSON, or lacks the database settings; the message names the file and the
     *         problem. An {@link UnverifiedTlsException} when its URL reaches another computer
     *         without verifying the server's certificate and the file does not allow it explicitly
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
        LOG.info("No {} in {}: embedded demo", FILE_NAME, folders);
        return Optional.empty();
    }

    /** Reads and checks one file. */
    public ClientConfig read(Path file) {
        ClientConfig.FileContent content = parse(file);
        if (content == null || content.database() == null) {
            throw bad(file, "it has no \"database\" section", null);
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
            throw bad(file, "it has no \"relay.database\" section (the relay connects as tutti_relay)", null);
        }
        ClientConfig.Database database = database(file, content.relay().database(), "relay.database");
        ClientConfig.Smtp smtp = content.smtp();
        if (smtp == null) {
            throw bad(file, "it has no \"smtp\" section", null);
        }
        if (smtp.host() == null || smtp.host().isBlank()) {
            throw bad(file, "\"smtp.host\" is missing", null);
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
            throw bad(file, "it cannot be read (" + e + ")", e);
        }
        return content;
    }

    private static ServiceException notJson(Path file, JacksonException e) {
        var where = e.getLocation();
        String position = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        return bad(file, "it is not valid JSON (" + position + e.getOriginalMessage() + ")", e);
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
            throw bad(file, "\"" + name + ".url\" is missing", null);
        }
        String url = database.url().strip().toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw bad(file, "\"" + name + ".url\" must start with jdbc:postgresql: (found \"" + database.url() + "\")", null);
        }
        if (database.user() == null || database.user().isBlank()) {
            throw bad(file, "\"" + name + ".user\" is missing", null);
        }
        timeout(file, name + ".connectTimeoutSeconds", database.connectTimeoutSeconds());
        timeout(file, name + ".loginTimeoutSeconds", database.loginTimeoutSeconds());
        timeout(file, name + ".socketTimeoutSeconds", database.socketTimeoutSeconds());
        ClientConfig.Database checked = new ClientConfig.Database(database.url().strip(), database.user().strip(),
                database.password() == null ? "" : database.password(), database.allowUnverifiedTls(),
                database.connectTimeoutSeconds(), database.loginTimeoutSeconds(), database.socketTimeoutSeconds());
        checkTls(file, checked, name);
        return checked;
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
        throw bad(file, "\"mode\" must be \"family\" or \"staff\" (found \"" + value + "\")", null);
    }

    private static ServiceException bad(Path file, String problem, Throwable cause) {
        return new ServiceException(ServiceException.Reason.BAD_CONFIGURATION,
                "The configuration file " + file + " is unusable: " + problem, cause);
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
