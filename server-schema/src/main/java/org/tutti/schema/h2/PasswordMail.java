package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The French mail that carries a new password, queued in {@code tutti.mail_outbox}: the same
 * subject, text and HTML as {@code tutti.request_password} writes on PostgreSQL, greeting a family
 * account's responsible adult by name ({@link FieldLabels#personName}). The password is
 * stored in the column {@code secret}; the bodies hold {@link #SECRET_PLACEHOLDER} where the relay
 * puts it when it sends (SQL-API.md, "Mail outbox").
 */
final class PasswordMail {

    static final String KIND = "PASSWORD_RESET";
    static final String SECRET_PLACEHOLDER = "{{secret}}";

    private PasswordMail() {
    }

    /** The site whose name and address sign the mail. */
    record Site(long id, String name, String address1, String address2, String postalCode, String city,
                String phone, String email) {

        /** Name, address lines, phone and e-mail, one a line, the missing ones left out. */
        String address() {
            List<String> lines = new ArrayList<>();
            for (String line : new String[] {name, address1, address2,
                    postalCode == null || city == null ? null : postalCode + " " + city,
                    phone == null ? null : "Tél. " + phone, email}) {
                if (line != null) {
                    lines.add(line);
                }
            }
            return String.join("\n", lines);
        }
    }

    static String subject(Site site) {
        return site.name() + " — votre nouveau mot de passe";
    }

    /** @param name the family's responsible adult ("Mme Apolline Ferrari"), or null for a staff account */
    static String bodyText(Site site, String identifier, String name) {
        return FieldLabels.greeting(name) + "\n\n"
                + "Vous avez demandé un nouveau mot de passe pour votre compte Tutti (" + site.name() + ").\n\n"
                + "Identifiant : " + identifier + "\n"
                + "Nouveau mot de passe : " + SECRET_PLACEHOLDER + "\n\n"
                + "Votre ancien mot de passe ne fonctionne plus. Pour vous connecter, ouvrez Tutti, choisissez « "
                + site.name() + " », puis saisissez votre identifiant et ce mot de passe. Vous pourrez ensuite "
                + "choisir votre propre mot de passe (10 caractères au moins).\n\n"
                + "Si vous n'êtes pas à l'origine de cette demande, prévenez l'accueil.\n\n"
                + "Cordialement,\n\n"
                + site.address() + "\n";
    }

    static String bodyHtml(Site site, String identifier, String name) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + escape(subject(site))
                + "</title></head>\n"
                + "<body style=\"font-family: sans-serif; line-height: 1.4\">\n"
                + "<p>" + escape(FieldLabels.greeting(name)) + "</p>\n"
                + "<p>Vous avez demandé un nouveau mot de passe pour votre compte Tutti ("
                + escape(site.name()) + ").</p>\n"
                + "<table>\n"
                + "<tr><td>Identifiant&nbsp;:</td><td><strong>" + escape(identifier) + "</strong></td></tr>\n"
                + "<tr><td>Nouveau mot de passe&nbsp;:</td><td><strong><code>" + SECRET_PLACEHOLDER
                + "</code></strong></td></tr>\n"
                + "</table>\n"
                + "<p>Votre ancien mot de passe ne fonctionne plus. Pour vous connecter, ouvrez Tutti, choisissez «&nbsp;"
                + escape(site.name()) + "&nbsp;», puis saisissez votre identifiant et ce mot de passe. "
                + "Vous pourrez ensuite choisir votre propre mot de passe (10 caractères au moins).</p>\n"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, prévenez l'accueil.</p>\n"
                + "<p>Cordialement,</p>\n"
                + "<p>" + escape(site.address()).replace("\n", "<br>\n") + "</p>\n"
                + "</body></html>\n";
    }

    /** As {@code tutti.html_escape} on PostgreSQL. */
    static String escape(String value) {
        return (value == null ? "" : value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    static void queue(Connection connection, OffsetDateTime now, Site site, String recipient, String identifier,
                      String name, String password) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html,"
                        + " contains_secret, secret, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, 'PENDING', 0, ?, ?)")) {
            statement.setLong(1, site.id());
            statement.setString(2, KIND);
            statement.setString(3, recipient);
            statement.setString(4, subject(site));
            statement.setString(5, bodyText(site, identifier, name));
            statement.setString(6, bodyHtml(site, identifier, name));
            statement.setString(7, password);
            statement.setObject(8, now);
            statement.setObject(9, now);
            statement.executeUpdate();
        }
    }
}
