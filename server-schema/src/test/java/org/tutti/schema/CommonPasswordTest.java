package org.tutti.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The shipped list of the 10,000 most common passwords ({@code common-passwords.txt}) and the table
 * that common/V3 fills from it ({@code tutti.common_password}) hold the same passwords.
 */
class CommonPasswordTest {

    /** The passwords of the shipped list, in its order, its comment lines left out. */
    static List<String> shippedList() throws IOException {
        List<String> passwords = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CommonPasswordTest.class.getResourceAsStream("/common-passwords.txt"),
                "common-passwords.txt on the class path");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    passwords.add(line);
                }
            }
        }
        return passwords;
    }

    @Test
    void theShippedListHoldsTenThousandDistinctLowerCasePasswords() throws IOException {
        List<String> passwords = shippedList();
        assertThat(passwords).hasSize(10_000).doesNotHaveDuplicates().doesNotContain("")
                .allSatisfy(p -> assertThat(p).isEqualTo(p.toLowerCase(Locale.ROOT)).doesNotContainAnyWhitespaces());
        assertThat(passwords.subList(0, 3)).containsExactly("123456", "password", "12345678");
        assertThat(passwords).contains("password123", "1234567890", "qwertyuiop");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    @Tag("postgres")
    void theTableHoldsExactlyTheShippedList(DatabaseVendor vendor) throws SQLException, IOException {
        TestDatabase db = TestDatabases.fresh(vendor);
        new SchemaMigrator(db.dataSource(), vendor).migrate();
        assertThat(SqlRows.number(db.dataSource(), "SELECT count(*) FROM tutti.common_password")).isEqualTo(10_000);
        List<String> table = new ArrayList<>();
        for (List<String> row : SqlRows.query(db.dataSource(), "SELECT password FROM tutti.common_password")) {
            table.add(row.get(0));
        }
        assertThat(new HashSet<>(table)).isEqualTo(new HashSet<>(shippedList()));
    }
}
