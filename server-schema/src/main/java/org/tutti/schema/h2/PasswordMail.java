package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The French mail that carries a new password, queued in {@code tutti.mail_outbox}. */
final class PasswordMail {

    static final String KIND = "PASSWORD_RESET";
    static final String SUBJECT = "Votre nouveau mot de passe Tutti";

    private PasswordMail() {
    }

    /** The site whose name and address sign the mail. */
    record Site(long id, String name, String address1, String address2, String postalCode, String city,
                String phone, String email) {
    }

    static String body(Site site, String identifier, String password) {
        StringBuilder body = new StringBuilder()
                .append("Bonjour,\n\n")
                .append("Vous avez demandé un nouveau mot de passe pour votre compte Tutti.\n\n")
                .append("Identifiant : ").append(identifier).append('\n')
                .append("Nouveau mot de passe : ").append(password).append("\n\n")
                .append("L'ancien mot de passe ne fonctionne plus. Vous pouvez choisir le vôtre dans Tutti,")
                .append(" menu Mot de passe.\n")
                .append("Si vous n'avez rien demandé, prévenez l'accueil.\n\n")
                .append("Cordialement,\n")
                .append(site.name()).append('\n')
                .append(site.address1()).append('\n');
        if (site.address2() != null) {
            body.append(site.address2()).append('\n');
        }
        body.append(site.postalCode()).append(' ').append(site.city()).append('\n');
        return body.toString();
    }

    static void queue(Connection connection, OffsetDateTime now, Site site, String recipient, String identifier,
                      String password) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, contains_secret,"
                        + " status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, TRUE, 'PENDING', 0, ?, ?)")) {
            statement.setLong(1, site.id());
            statement.setString(2, KIND);
            statement.setString(3, recipient);
            statement.setString(4, SUBJECT);
            statement.setString(5, body(site, identifier, password));
            statement.setObject(6, now);
            statement.setObject(7, now);
            statement.executeUpdate();
        }
    }
}
