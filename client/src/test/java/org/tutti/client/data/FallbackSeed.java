package org.tutti.client.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Temporary: a few rows shaped like the demo generator's, until the generator lands. */
final class FallbackSeed {
    private FallbackSeed() {
    }

    static void insert(DataSource ds) throws SQLException {
        String bel = OpenBSDBCrypt.generate("2a", "bellerive".toCharArray(), new byte[16], 10);
        String mon = OpenBSDBCrypt.generate("2a", "montfleury".toCharArray(), new byte[16], 10);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into tutti.site (code, name, address1, postal_code, city) values"
                    + " ('MONTFLEURY', 'École de musique de Montfleury', '1 rue', '69000', 'Montfleury'),"
                    + " ('BELLERIVE', 'Conservatoire de Bellerive', '2 rue', '69000', 'Bellerive')");
            s.execute("insert into tutti.school_year (label, start_date, end_date, is_current) values"
                    + " ('2025-2026', date '2025-09-01', date '2026-07-01', false),"
                    + " ('2026-2027', date '2026-09-01', date '2027-07-01', true)");
            s.execute("insert into tutti.department (site_id, code, name) select id, 'CORDES', 'Cordes' from tutti.site");
            s.execute("insert into tutti.discipline (site_id, department_id, name) select site_id, id, 'Violon' from tutti.department");
            s.execute("insert into tutti.discipline (site_id, department_id, name) select site_id, id, 'Formation musicale' from tutti.department");
            s.execute("insert into tutti.discipline (site_id, department_id, name) select site_id, id, 'Orchestre' from tutti.department");
            s.execute("insert into tutti.teacher (site_id, last_name, first_name) select id, 'Durand', 'Claire' from tutti.site");
            s.execute("insert into tutti.room (site_id, name, capacity) select id, 'Salle 1', 20 from tutti.site");
            for (int site = 0; site < 2; site++) {
                String code = site == 0 ? "BELLERIVE" : "MONTFLEURY";
                String prefix = site == 0 ? "F" : "M";
                for (int f = 1; f <= 30; f++) {
                    String id = prefix + String.format("%04d", f);
                    s.execute("insert into tutti.family (site_id, identifier, civility, last_name, first_name, address1, postal_code, city, created_at)"
                            + " select id, '" + id + "', 'MME', 'Nom" + id + "', 'Prénom', '3 rue', '69000', 'Ville', current_timestamp from tutti.site where code = '" + code + "'");
                    try (PreparedStatement p = c.prepareStatement("insert into tutti.account (site_id, identifier, email, password_hash, role, family_id, display_name, created_at)"
                            + " select f.site_id, f.identifier, 'x@example.org', ?, 'FAMILY', f.id, 'Famille', current_timestamp from tutti.family f where f.identifier = ?")) {
                        p.setString(1, site == 0 ? bel : mon);
                        p.setString(2, id);
                        p.executeUpdate();
                    }
                    for (String first : new String[] {"Zoé", "Élodie", "Adam"}) {
                        if (f > 1 && !first.equals("Adam")) {
                            continue;
                        }
                        s.execute("insert into tutti.student (family_id, last_name, first_name, sex, birth_date) select id, last_name, '" + first
                                + "', 'F', date '2012-01-01' from tutti.family where identifier = '" + id + "'");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("insert into tutti.account (site_id, identifier, email, password_hash, role, display_name, created_at)"
                    + " select id, 'ACCUEIL', 'a@example.org', ?, 'STAFF', 'Accueil Bellerive', current_timestamp from tutti.site where code = 'BELLERIVE'")) {
                p.setString(1, bel);
                p.executeUpdate();
            }
            s.execute("insert into tutti.course (site_id, school_year_id, discipline_id, teacher_id, room_id, class_label, kind, day_of_week, start_time, duration_minutes)"
                    + " select d.site_id, y.id, d.id, t.id, r.id, 'Classe ' || d.name, 'COLLECTIVE', 3, time '17:00:00', 60"
                    + " from tutti.discipline d join tutti.teacher t on t.site_id = d.site_id join tutti.room r on r.site_id = d.site_id, tutti.school_year y");
            s.execute("insert into tutti.enrolment (student_id, course_id, enrolled_on)"
                    + " select st.id, c.id, date '2026-09-01' from tutti.student st join tutti.family f on f.id = st.family_id"
                    + " join tutti.course c on c.site_id = f.site_id where st.first_name = 'Zoé' or (st.first_name = 'Adam' and c.class_label like '%Violon')");
        }
    }
}
