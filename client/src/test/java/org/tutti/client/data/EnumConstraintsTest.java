package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import org.tutti.client.domain.model.DocumentContentType;

/** Every enum column of the entities has exactly the constants its CHECK constraint allows. */
class EnumConstraintsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE tutti\\.(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern IN_CHECK = Pattern.compile("CHECK \\((\\w+) IN \\(([^)]*)\\)\\)");

    @Test
    void enumConstantsAreTheValuesTheSchemaAllows() throws IOException {
        Map<String, List<String>> allowed = allowedValues();
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
                } else if (field.isAnnotationPresent(Convert.class) && field.getType() == DocumentContentType.class) {
                    List<String> mimeTypes = Arrays.stream(DocumentContentType.values())
                            .map(DocumentContentType::mimeType).toList();
                    assertThat(mimeTypes).as(key).containsExactlyInAnyOrderElementsOf(allowed.get(key));
                    enumColumns++;
                }
            }
        }
        assertThat(enumColumns).as("enum columns checked").isEqualTo(allowed.size());
    }

    /** "table.column" to the values of its {@code CHECK (column IN (...))} in V1. */
    private static Map<String, List<String>> allowedValues() throws IOException {
        String sql;
        try (InputStream in = EnumConstraintsTest.class.getResourceAsStream("/db/migration/common/V1__data_model.sql")) {
            assertThat(in).as("V1 on the classpath").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> allowed = new HashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
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
