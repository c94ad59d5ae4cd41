package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.tutti.schema.H2Urls;

/**
 * What a flow test asks the copied demo database directly (as its owner, beside the running
 * application): the rows a screen must show, and a second session that acts as another user would.
 */
final class DemoSql {

    private final Path dataFolder;

    DemoSql(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    /**
     * A connection in a transaction bound to a new session of {@code identifier} (tutti.login, then
     * the session binder's set_config): what it calls runs as that user. The caller commits.
     */
    Connection loggedIn(String site, String identifier, String password) throws Exception {
        Connection c = connect();
        String token;
        try (PreparedStatement login = c.prepareStatement("select tutti.login(?, ?, ?)")) {
            login.setString(1, site);
            login.setString(2, identifier);
            login.setString(3, password);
            try (ResultSet rs = login.executeQuery()) {
                rs.next();
                token = rs.getString(1);
            }
        }
        assertThat(token).as("a session of " + identifier).isNotNull();
        c.setAutoCommit(false);
        try (PreparedStatement bind = c.prepareStatement("select set_config('tutti.session', ?, true)")) {
            bind.setString(1, token);
            bind.executeQuery().close();
        }
        return c;
    }

    List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The first column of the first row; fails when there is none. */
    String string(String sql) throws Exception {
        List<String> found = strings(sql);
        assertThat(found).as(sql).isNotEmpty();
        return found.get(0);
    }

    long longValue(String sql) throws Exception {
        return Long.parseLong(string(sql));
    }

    List<Long> longs(String sql) throws Exception {
        return strings(sql).stream().map(Long::parseLong).toList();
    }
}
