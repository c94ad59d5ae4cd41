package org.tutti.client.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfig;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.service.ServiceException;

/**
 * The headless mail relay: {@code java -jar tutti.jar --relay [--config /etc/tutti/tutti.json]}.
 * Reads {@code smtp} and {@code relay} from {@code tutti.json}, connects as {@code tutti_relay} and
 * sends until the process is stopped (SIGTERM runs the shutdown hook, which lets the mail being
 * sent finish). No JavaFX class is loaded on this path.
 */
public final class RelayMain {

    public static final String RELAY_OPTION = "--relay";
    public static final String CONFIG_OPTION = "--config";

    /** Exit status when {@code tutti.json} is missing or unusable. */
    public static final int EXIT_BAD_CONFIGURATION = 2;
    /** Exit status when the command line is wrong. */
    public static final int EXIT_USAGE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RelayMain.class);
    private static final CountDownLatch SHUTDOWN = new CountDownLatch(1);

    private RelayMain() {
    }

    /**
     * Starts the relay and returns once it is running (the JVM then stays alive until SIGTERM:
     * the caller waits with {@link #awaitShutdown()}), or returns an exit status &gt; 0 after one
     * line on standard error when it cannot start.
     */
    public static int start(String[] args, Path dataFolder) {
        Optional<Path> file;
        try {
            file = configFile(args, dataFolder);
        } catch (IllegalArgumentException e) {
            System.err.println("tutti --relay: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (file.isEmpty()) {
            System.err.println("tutti --relay: no " + ClientConfigLoader.FILE_NAME + " found in "
                    + ClientConfigLoader.standard(dataFolder).folders() + " (give one with --config)");
            return EXIT_BAD_CONFIGURATION;
        }
        MailRelay relay;
        try {
            ClientConfig config = new ClientConfigLoader(List.of()).readForRelay(file.get());
            relay = relay(config, Clock.systemUTC());
        } catch (ServiceException e) {
            System.err.println("tutti --relay: " + e.getMessage());
            return EXIT_BAD_CONFIGURATION;
        }
        MailRelay started = relay;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the mail relay");
            started.stop();
            SHUTDOWN.countDown();
        }, "tutti-relay-shutdown"));
        relay.start();
        return 0;
    }

    /** Blocks the main thread until the shutdown hook has stopped the relay. */
    public static void awaitShutdown() {
        try {
            SHUTDOWN.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The relay {@code config} describes (not started). */
    public static MailRelay relay(ClientConfig config, Clock clock) {
        ClientConfig.Database database = config.database();
        ClientConfig.Relay relay = config.relay();
        RelaySettings settings = new RelaySettings(
                seconds(relay.pollSeconds(), RelaySettings.DEFAULT_POLL),
                true,
                relay.giveUpHours() == null ? RelaySettings.DEFAULT_GIVE_UP : Duration.ofHours(relay.giveUpHours()),
                seconds(relay.backoffBaseSeconds(), RelaySettings.DEFAULT_BACKOFF_BASE),
                seconds(relay.backoffMaxSeconds(), RelaySettings.DEFAULT_BACKOFF_MAX));
        SmtpTransport transport = new SmtpTransport(smtp(config.smtp()), clock);
        LOG.info("Mail relay configured from {}: database {} as {}, {}", config.source(), database.displayUrl(),
                database.user(), transport);
        return new MailRelay("relay",
                () -> DriverManager.getConnection(database.url(), database.connectionProperties()),
                transport, settings, clock);
    }

    /** The checked {@code smtp} section as transport settings (port defaults by security). */
    static SmtpSettings smtp(ClientConfig.Smtp smtp) {
        SmtpSettings.Security security = smtp.security() == null
                ? SmtpSettings.Security.STARTTLS
                : SmtpSettings.Security.valueOf(smtp.security().strip().toUpperCase(Locale.ROOT));
        int port = smtp.port() != null ? smtp.port() : switch (security) {
            case TLS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
        Duration timeout = Duration.ofSeconds(smtp.timeoutSeconds() == null ? 30 : smtp.timeoutSeconds());
        return new SmtpSettings(smtp.host().strip(), port, security, smtp.username(), smtp.password(),
                smtp.from().strip(), smtp.fromName(), timeout);
    }

    private static Duration seconds(Integer value, Duration otherwise) {
        return value == null ? otherwise : Duration.ofSeconds(value);
    }

    /** {@code --config FILE}, else the first {@code tutti.json} of the standard folders. */
    static Optional<Path> configFile(String[] args, Path dataFolder) {
        for (int i = 0; i < args.length; i++) {
            if (CONFIG_OPTION.equals(args[i])) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--config needs a file");
                }
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith(CONFIG_OPTION + "=")) {
                return Optional.of(Path.of(args[i].substring(CONFIG_OPTION.length() + 1)));
            }
        }
        return ClientConfigLoader.standard(dataFolder).folders().stream()
                .map(folder -> folder.resolve(ClientConfigLoader.FILE_NAME))
                .filter(Files::exists)
                .findFirst();
    }
}
