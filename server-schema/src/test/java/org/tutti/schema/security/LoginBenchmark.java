package org.tutti.schema.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How long {@code tutti.login} takes as a family client sees it (one round trip, autocommit), on a
 * database migrated and seeded beforehand with tutti-schema (migrate, seed-demo, role-password).
 * Not a test: run it beside a reference on the same machine, e.g. before and after a migration.
 *
 * <pre>
 * mvn -B -o -q -pl server-schema package -DskipTests && mvn -B -o -q -pl server-schema test-compile
 * java -cp server-schema/target/test-classes:server-schema/target/tutti-schema.jar \
 *     org.tutti.schema.security.LoginBenchmark \
 *     jdbc:postgresql://localhost:5433/tutti tutti_family PASSWORD 200
 * </pre>
 *
 * Prints the median, 95th percentile and maximum in milliseconds of a successful login (families
 * F0001… in turn, password "bellerive"), a wrong password (accounts F0021… in turn, never five in a
 * row on one account within the run's lock window) and an unknown identifier.
 */
public final class LoginBenchmark {

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 3) {
            System.err.println("usage: LoginBenchmark JDBC_URL ROLE PASSWORD [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        properties.setProperty("password", args[2]);
        try (Connection connection = DriverManager.getConnection(args[0], properties);
             PreparedStatement login = connection.prepareStatement("SELECT tutti.login(?, ?, ?)")) {
            connection.setAutoCommit(true);
            for (int i = 0; i < 10; i++) { // warm-up
                time(login, "F0001", "bellerive");
            }
            List<Double> success = new ArrayList<>();
            List<Double> wrong = new ArrayList<>();
            List<Double> unknown = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                success.add(time(login, String.format(Locale.ROOT, "F%04d", 1 + i % 20), "bellerive"));
                wrong.add(time(login, String.format(Locale.ROOT, "F%04d", 21 + i % 20), "wrong password"));
                if (i % 20 == 19) { // four wrong passwords per account at most, then a success resets them
                    for (int a = 21; a <= 40; a++) {
                        time(login, String.format(Locale.ROOT, "F%04d", a), "bellerive");
                    }
                }
                unknown.add(time(login, "NOBODY" + i, "bellerive"));
            }
            System.out.printf(Locale.ROOT, "%-16s %8s %8s %8s%n", "login (ms)", "median", "p95", "max");
            print("success", success);
            print("wrong password", wrong);
            print("unknown", unknown);
        }
    }

    private static double time(PreparedStatement login, String identifier, String password) throws SQLException {
        login.setString(1, "BELLERIVE");
        login.setString(2, identifier);
        login.setString(3, password);
        long start = System.nanoTime();
        try (ResultSet rs = login.executeQuery()) {
            rs.next();
            rs.getString(1);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String label, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-16s %8.1f %8.1f %8.1f%n", label, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }
}
