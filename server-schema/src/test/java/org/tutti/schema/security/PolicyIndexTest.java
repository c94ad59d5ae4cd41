package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;

/**
 * Every column a row-level security policy filters on is the first key column of an index (ADR
 * 0019): a policy is evaluated on every statement of a login role, and without an index its
 * predicate reads the whole table, at a cost that grows with the database rather than with the
 * family's own rows. A new policy cannot forget its index.
 */
@Tag("postgres")
class PolicyIndexTest {

    /**
     * The columns of the table a policy's USING or WITH CHECK compares at its top level ("site_id =",
     * "student_id IN", "enrolment_id = ANY"): PostgreSQL prints the table's own columns unqualified,
     * the subqueries' columns with their alias. Kept in step with the benchmarks' DatabaseSection.
     */
    private static final String POLICY_COLUMNS = "with p as ("
            + " select pol.polrelid, c.relname, pol.polname,"
            + "  coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') expr"
            + " from pg_policy pol join pg_class c on c.oid = pol.polrelid where c.relnamespace = 'tutti'::regnamespace),"
            + " cols as (select distinct p.polrelid, p.relname, p.polname, m[1] col"
            + " from p, regexp_matches(p.expr, '(?:^|[( ])([a-z_]+) (?:=|IN) ', 'g') m)"
            + " select cols.relname, cols.polname, cols.col,"
            + " (select string_agg(i.indexrelid::regclass::text, ', ') from pg_index i"
            + "   where i.indrelid = cols.polrelid and i.indkey[0] = a.attnum)"
            + " from cols join pg_attribute a on a.attrelid = cols.polrelid and a.attname = cols.col"
            + " order by 1, 2, 3";

    /** Policies that compare no column of their table, and why that needs no index. */
    private static final Map<String, String> NO_COLUMN = Map.of(
            "school_year_family", "every school year is shared: the policy only checks that a session is bound",
            "school_year_staff", "every school year is shared: the policy only checks that a session is bound",
            "mail_outbox_relay", "USING (true): the relay works on the whole outbox, by its queue index");

    @Test
    void everyColumnAPolicyFiltersOnLeadsAnIndex() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        List<List<String>> columns = SqlRows.query(db, POLICY_COLUMNS);
        assertThat(columns).as("the predicates found (the parsing works)")
                .contains(List.of("student", "student_family", "family_id", "tutti.student_family_ix"))
                .contains(List.of("course", "course_staff", "site_id", "tutti.course_site_ix"));
        assertThat(columns.stream().filter(row -> row.get(3) == null)
                .map(row -> row.get(0) + "." + row.get(2) + " (policy " + row.get(1) + ")").toList())
                .as("policy predicate columns without an index whose first key column they are").isEmpty();
    }

    @Test
    void everyPolicyButTheListedOnesFiltersOnAColumn() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        List<String> covered = SqlRows.query(db, POLICY_COLUMNS).stream().map(row -> row.get(1)).distinct().toList();
        List<String> all = SqlRows.query(db, "SELECT polname FROM pg_policy WHERE polrelid IN "
                + "(SELECT oid FROM pg_class WHERE relnamespace = 'tutti'::regnamespace) ORDER BY polname")
                .stream().map(row -> row.get(0)).toList();
        assertThat(all.stream().filter(name -> !covered.contains(name)).toList())
                .as("policies whose predicate this test cannot read: index their columns and make the pattern"
                        + " read them, or list them with a reason")
                .containsExactlyInAnyOrderElementsOf(NO_COLUMN.keySet());
    }
}
