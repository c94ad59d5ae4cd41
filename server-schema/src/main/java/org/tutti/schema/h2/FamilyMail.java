package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mail to a family (its e-mail, else its account's), signed with its site's name and address: the
 * same subject, text and HTML as {@code tutti.queue_family_mail} writes on PostgreSQL
 * ({@code postgresql/V9__field_catalogue.sql}), greeting the family's responsible adult by name
 * ({@link FieldLabels#personName}). No secret.
 */
final class FamilyMail {

    private FamilyMail() {
    }

    /**
     * @param paragraphs the paragraphs between "Bonjour Mme Apolline Ferrari," and "Cordialement,"
     * @param items      a list shown after the first paragraph (may be empty)
     */
    static void queue(Connection connection, OffsetDateTime now, long familyId, String kind, String subjectEnd,
                      List<String> paragraphs, List<String> items) throws SQLException {
        String recipient;
        String greeting;
        PasswordMail.Site site;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(f.email, (SELECT a.email FROM tutti.account a WHERE a.family_id = f.id AND a.active"
                        + " ORDER BY a.id LIMIT 1)), s.id, s.name, s.address1, s.address2, s.postal_code, s.city,"
                        + " s.phone, s.email, f.civility, f.first_name, f.last_name"
                        + " FROM tutti.family f JOIN tutti.site s ON s.id = f.site_id WHERE f.id = ?")) {
            statement.setLong(1, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                recipient = rs.getString(1);
                site = new PasswordMail.Site(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                greeting = FieldLabels.greeting(FieldLabels.personName(rs.getString(10), rs.getString(11),
                        rs.getString(12)));
            }
        }
        if (recipient == null) {
            return;
        }
        String subject = site.name() + " — " + subjectEnd;
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(paragraphs.get(0)).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n")
                .append("<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(PasswordMail.escape(subject))
                .append("</title></head>\n")
                .append("<body style=\"font-family: sans-serif; line-height: 1.4\">\n")
                .append("<p>").append(PasswordMail.escape(greeting)).append("</p>\n")
                .append("<p>").append(PasswordMail.escape(paragraphs.get(0))).append("</p>\n");
        if (!items.isEmpty()) {
            html.append("<ul>\n");
            for (String item : items) {
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(PasswordMail.escape(item)).append("</li>\n");
            }
            text.append('\n');
            html.append("</ul>\n");
        }
        for (String paragraph : paragraphs.subList(1, paragraphs.size())) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(PasswordMail.escape(paragraph)).append("</p>\n");
        }
        text.append("Cordialement,\n\n").append(site.address()).append('\n');
        html.append("<p>Cordialement,</p>\n")
                .append("<p>").append(PasswordMail.escape(site.address()).replace("\n", "<br>\n")).append("</p>\n")
                .append("</body></html>\n");
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html,"
                        + " contains_secret, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, FALSE, 'PENDING', 0, ?, ?)")) {
            statement.setLong(1, site.id());
            statement.setString(2, kind);
            statement.setString(3, recipient);
            statement.setString(4, subject);
            statement.setString(5, text.toString());
            statement.setString(6, html.toString());
            statement.setObject(7, now);
            statement.setObject(8, now);
            statement.executeUpdate();
        }
    }
}
