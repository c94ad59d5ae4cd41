package org.tutti.schema.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A little history of the application itself: sent mails, audit events and ended sessions. */
final class ActivityGenerator {

    /** Acknowledgement mails of change requests beyond this many are not kept: a handful is enough for the demo. */
    private static final int ACKNOWLEDGEMENTS_KEPT = 4;

    private final DemoTables tables;
    private final DemoRandom random;
    private int acknowledgements;

    ActivityGenerator(DemoTables tables, DemoRandom random) {
        this.tables = tables;
        this.random = random;
    }

    void changeRequestAcknowledged(DemoSite site, String recipient, String displayName, int fieldCount,
                                   OffsetDateTime submittedAt) throws SQLException {
        if (acknowledgements >= ACKNOWLEDGEMENTS_KEPT) {
            return;
        }
        acknowledgements++;
        String body = "Bonjour " + displayName + ",\n\n"
                + "Nous avons bien reçu votre demande de modification (" + fieldCount + " champ"
                + (fieldCount > 1 ? "s" : "") + "). Elle sera examinée par l'accueil " + ofSite(site)
                + " dans les meilleurs délais ; vous recevrez un courriel dès qu'elle aura été traitée.\n\n"
                + "Cordialement,\nL'équipe " + ofSite(site);
        sentMail(site, "CHANGE_REQUEST_RECEIVED", recipient, "Votre demande de modification a bien été reçue", body,
                false, submittedAt.plusSeconds(1));
    }

    /** Accounts the demo is presented with: welcome mail, creation, a few logins and their ended sessions. */
    void demoAccountsUsed(DemoSite site, List<SchoolSetup.KnownAccount> accounts) throws SQLException {
        for (SchoolSetup.KnownAccount account : accounts) {
            tables.auditEvent.insert(account.createdAt(), site.id, account.id(), "ACCOUNT_CREATED",
                    "Compte " + account.identifier() + " créé");
            String body = "Bonjour,\n\nVotre compte Tutti " + ofSite(site) + " est ouvert.\n"
                    + "Identifiant : " + account.identifier() + "\nMot de passe : [retiré après envoi]\n\n"
                    + "Cordialement,\nL'accueil " + ofSite(site);
            sentMail(site, "ACCOUNT_CREATED", account.email(), "Vos identifiants Tutti", body, true,
                    account.createdAt().plusMinutes(1));
            for (LocalDate day : List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 19))) {
                OffsetDateTime login = DemoCalendar.at(day, random.between(8, 20), random.between(0, 59));
                tables.auditEvent.insert(login, site.id, account.id(), "LOGIN_SUCCESS", null);
                byte[] token = new byte[32];
                random.nextBytes(token);
                OffsetDateTime lastSeen = login.plusMinutes(random.between(3, 40));
                tables.appSession.insert(account.id(), SampleDocuments.sha256Hex(token), login, lastSeen,
                        login.plusHours(8), lastSeen);
            }
        }
        SchoolSetup.KnownAccount first = accounts.get(0);
        tables.auditEvent.insert(DemoCalendar.at(LocalDate.of(2026, 11, 19), 7, 58), site.id, first.id(),
                "LOGIN_FAILURE", "Mot de passe incorrect (1 échec)");
        tables.auditEvent.insert(DemoCalendar.at(LocalDate.of(2026, 9, 1), 6, 0), site.id, null,
                "SCHOOL_YEAR_OPENED", "Année scolaire 2026-2027 ouverte");
    }

    private void sentMail(DemoSite site, String kind, String recipient, String subject, String body,
                          boolean containedSecret, OffsetDateTime createdAt) throws SQLException {
        OffsetDateTime sentAt = createdAt.plusSeconds(random.between(2, 50));
        tables.mailOutbox.insert(site.id, kind, recipient, subject, body, null, containedSecret, "SENT", 1, createdAt,
                null, createdAt, sentAt);
    }

    /** "du Conservatoire de Bellerive", "de l'École de musique de Montfleury". */
    private static String ofSite(DemoSite site) {
        return site.name.startsWith("É") ? "de l'" + site.name : "du " + site.name;
    }
}
