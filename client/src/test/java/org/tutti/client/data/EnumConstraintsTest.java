package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code CHECK (column IN (...))} of a table the entities map is an enum field of its entity
 * with exactly the constants the constraint allows.
 */
class EnumConstraintsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE tutti\\.(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern IN_CHECK = Pattern.compile("CHECK \\((\\w+) IN \\(([^)]*)\\)\\)");

    @Test
    void enumConstantsAreTheValuesTheSchemaAllows() throws IOException {
        List<String> mappedTables = Entities.ALL.stream().map(e -> e.getAnnotation(Table.class).name()).toList();
        Map<String, List<String>> allowed = allowedValues(mappedTables);
        int enumColumns = 0;
        for (Class<?> entity : Entities.ALL) {
            String table = entity.getAnnotation(Table.class).name();
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                String key = column == null ? null : table + "." + column.name();
                if (field.isAnnotationPresent(Enumerated.class)) {
                    List<String> constants = Arrays.stream(field.getType().getEnumConstants())
                            .map(c -> ((Enum<?>) c).name()).toList();
                    assertThat(constants).as(key).containsExactlyInAnyOrderElementsOf(allowed.get(key));
                    enumColumns++;
                }
            }
        }
        assertThat(enumColumns).as("enum columns checked").isEqualTo(allowed.size());
        assertThat(allowed).as("CHECK constraints of the mapped tables").containsKeys("course.kind",
                "enrolment.status", "change_request.status");
    }

    /** "table.column" to the values of its {@code CHECK (column IN (...))} in V1, for {@code tables}. */
    private static Map<String, List<String>> allowedValues(List<String> tables) throws IOException {
        String sql;
        try (InputStream in = EnumConstraintsTest.class.getResourceAsStream("/db/migration/common/V1__data_model.sql")) {
            assertThat(in).as("V1 on the classpath").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> allowed = new HashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            if (!tables.contains(table.group(1))) {
                continue;
            }
            Matcher check = IN_CHECK.matcher(table.group(2));
            while (check.find()) {
                List<String> values = Arrays.stream(check.group(2).split(","))
                        .map(v -> v.strip().replace("'", "")).toList();
                allowed.put(table.group(1) + "." + check.group(1), values);
            }
        }
        assertThat(allowed).isNotEmpty();
        return allowed;
    }
}
