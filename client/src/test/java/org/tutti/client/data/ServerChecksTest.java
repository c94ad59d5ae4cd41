package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The functions checked at start are the functions the client calls: a new call of the SQL API
 * in the client's code without its line in {@link ServerChecks#REQUIRED_FUNCTIONS} fails here
 * (a server without it would otherwise fail later, on a screen, instead of at start for IT).
 */
class ServerChecksTest {

    /** {@code tutti.name(} inside a string literal of the code. */
    private static final Pattern CALL = Pattern.compile("\"[^\"\\n]*?\\btutti\\.([a-z_]+)\\(");

    @Test
    void theFunctionsCheckedAtStartAreTheOnesTheClientCalls() throws IOException {
        Set<String> called = new TreeSet<>();
        Path sources = Path.of("src/main/java/org/tutti/client");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("ServerChecks.java") || file.startsWith(sources.resolve("mail"))) {
                    continue; // the list itself; the relay connects as tutti_relay and is not a client
                }
                String code = Files.readString(file);
                for (String line : code.split("\n")) {
                    Matcher m = CALL.matcher(line);
                    while (m.find()) {
                        called.add(m.group(1));
                    }
                }
            }
        }
        // called by ServerChecks itself, at start
        called.add("schema_version");
        called.add("security_ready");

        Set<String> checked = new TreeSet<>();
        ServerChecks.REQUIRED_FUNCTIONS.forEach(f -> checked.add(f.name()));

        assertThat(called).as("functions called by the client").contains("login", "submit_changes", "decide_change");
        assertThat(checked).as("ServerChecks.REQUIRED_FUNCTIONS").isEqualTo(called);
    }
}
