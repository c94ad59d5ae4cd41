package org.tutti.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * The client's logging, in code rather than a logback.xml: reading an XML configuration loads
 * an XML parser and logback's Joran model (a few hundred classes) on the second core while the
 * login window is being built. Same result as the XML it replaces: the console, and a rolling
 * file in {@code ${tutti.home}/logs/} (10 MB files, 30 days, 200 MB in all); INFO for Tutti,
 * WARN for the rest. Registered as a {@link Configurator} service; it steps aside when
 * {@code logback.configurationFile} is set (tutti-schema's command line, a support session) or
 * a {@code logback-test.xml} is on the class path (tests).
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    public LoggingConfigurator() {
        // a service: ServiceLoader needs it
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LoggingConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureInCode(context, logFolder());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void configureInCode(LoggerContext context, Path dir) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("tutti.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("tutti.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        context.getLogger("org.tutti").setLevel(Level.INFO);
        context.getLogger("org.hibernate").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        root.addAppender(file);
    }

    /** {@code ${tutti.home}/logs}, or {@code ${java.io.tmpdir}/tutti/logs} without a data folder. */
    static Path logFolder() {
        String home = System.getProperty("tutti.home");
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "tutti") : Path.of(home);
        return base.resolve("logs");
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
