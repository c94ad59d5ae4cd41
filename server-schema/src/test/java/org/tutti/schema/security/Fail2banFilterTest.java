package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fail2ban filter that the README gives IT ({@code src/main/dist/fail2ban/tutti-login.conf}),
 * applied to the JSON log that the embedded PostgreSQL writes: it finds a real failed login with the
 * caller's address, and nothing a family can type (an identifier with a line feed, a statement that
 * fails with a forged log entry in it) makes it see another address.
 */
@Tag("postgres")
class Fail2banFilterTest {

    private static final Path FILTER = Path.of("src", "main", "dist", "fail2ban", "tutti-login.conf");

    @Test
    void theFilterFindsFailedLoginsWithTheCallersAddressAndNothingForged() throws Exception {
        SecuredDemo demo = SecuredDemo.get();
        String marker = "F2B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String forged = "{\"timestamp\":\"2026-12-06 02:49:57.937 UTC\",\"user\":\"tutti_family\",\"dbname\":\"x\","
                + "\"pid\":1,\"remote_host\":\"10.6.6.6\",\"remote_port\":1,\"error_severity\":\"LOG\","
                + "\"message\":\"tutti: login failure site='X' identifier='Y' client=10.6.6.6\"}";
        try (Connection family = AttackSupport.connect(demo.db, SecuredDemo.FAMILY)) {
            family.setAutoCommit(true);
            try (PreparedStatement login = family.prepareStatement("SELECT tutti.login('BELLERIVE', ?, 'wrong')")) {
                login.setString(1, marker);
                login.executeQuery().close();
                login.setString(1, marker + "\n" + forged);
                login.executeQuery().close();
            }
            try (Statement statement = family.createStatement()) {
                String failing = "SELECT 1 / 0 /* " + marker + "\n" + forged + " */";
                assertThat(AttackSupport.sqlState(() -> statement.execute(failing))).isEqualTo("22012");
            }
        }

        Pattern filter = failregex();
        List<String> hosts = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            hosts.clear();
            for (String line : logLines(demo)) {
                Matcher m = filter.matcher(line);
                if (line.contains(marker) && m.find()) {
                    hosts.add(m.group("host"));
                }
            }
        } while (hosts.size() < 2 && System.nanoTime() < deadline);
        assertThat(hosts).as("addresses fail2ban would ban for the two failed logins")
                .hasSize(2).allMatch(host -> host.equals("127.0.0.1") || host.equals("::1"));
    }

    /** The filter's failregex as a Java pattern: fail2ban's {@code <HOST>} becomes the group "host". */
    private static Pattern failregex() throws IOException {
        for (String line : Files.readAllLines(FILTER, StandardCharsets.UTF_8)) {
            if (line.startsWith("failregex = ")) {
                String regex = line.substring("failregex = ".length());
                return Pattern.compile(regex.replace("<HOST>", "(?<host>[0-9A-Fa-f.:]+)").replace("%%", "%"));
            }
        }
        throw new IllegalStateException("no failregex in " + FILTER);
    }

    /** Every line of the server's JSON log files. */
    private static List<String> logLines(SecuredDemo demo) throws SQLException, IOException {
        Path folder = Path.of(demo.text("SHOW data_directory")).resolve(demo.text("SHOW log_directory"));
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
