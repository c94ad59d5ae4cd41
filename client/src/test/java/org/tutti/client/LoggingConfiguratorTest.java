package org.tutti.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingConfiguratorTest {

    @TempDir
    Path home;

    @Test
    void tuttiInfoAndEveryWarningGoToTheLogFileOfTheDataFolder() throws Exception {
        LoggerContext context = new LoggerContext();
        // what logback's service provider gives the context it configures
        context.setMDCAdapter(new LogbackMDCAdapter());
        LoggingConfigurator.configureInCode(context, home.resolve("logs"));

        context.getLogger("org.tutti.client.TuttiApp").info("Login window shown");
        context.getLogger("org.hibernate.orm").info("Hibernate chatter");
        context.getLogger("org.flywaydb.core").warn("Flyway warning");
        context.stop();

        String log = Files.readString(home.resolve("logs").resolve("tutti.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("INFO  [main] org.tutti.client.TuttiApp - Login window shown")
                .contains("WARN  [main] org.flywaydb.core - Flyway warning")
                .doesNotContain("Hibernate chatter")
                .matches("(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO .*");
    }

    @Test
    void stepsAsideForTheTestConfiguration() {
        // logback-test.xml is on the test class path: Joran reads it, as before
        assertThat(new LoggingConfigurator().configure(new LoggerContext()))
                .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
