package org.tutti.client.service;

import java.util.Optional;

/**
 * Everything the user interface may call, once the database is open. Built off the JavaFX
 * thread at start-up by {@code org.tutti.client.data.BackendFactory}.
 */
public interface Backend extends AutoCloseable {

    /** True when running on the embedded demo database (shows the demo hint, the demo mailbox). */
    boolean isEmbeddedDemo();

    SiteService sites();

    AuthService auth();

    HomeService home();

    /** Passwords: a new one by e-mail (no session needed), a change by the logged-in user. */
    AccountService accounts();

    /** Validations (staff): the site's pending change requests and the decisions on them. */
    StaffChangesService staffChanges();

    /** Famille and Élèves › Identité: the family's files, and changes submitted for validation. */
    FamilyFileService familyFile();

    /** Élèves › Cours, Historique, Répertoire: a student's pedagogical file. */
    PedagogyService pedagogy();

    /** Élèves › Réinscription (family): the open campaign, a student's form, sending a request. */
    ReenrolmentService reenrolment();

    /** Réinscriptions (staff): the campaign, its document types, the requests and decisions. */
    StaffReenrolmentService staffReenrolments();

    /** Facturation (family, and staff for a family of its site): invoices, payments, their PDF data. */
    BillingService billing();

    /** Facturation at the front desk: issue invoices and credit notes, record payments, rent items. */
    StaffBillingService staffBilling();

    // issue 16 — search
    /** Familles at the front desk: the site's families found by name, identifier, student, e-mail or phone. */
    FamilySearchService familySearch();
    /** The family file's records (staff): change and re-enrolment requests, mails, history. */
    FamilyRecordsService familyRecords();
    /** Comptes at the front desk: family accounts, their first passwords, letters and locks. */
    FamilyAccountsService familyAccounts();
    /** Pédagogie at the front desk: the site's courses, their students, a date's absences, evaluations. */
    StaffPedagogyService staffPedagogy();
    /** Paramètres (staff): the site's settings, changed by staff holding the settings right. */
    SiteSettingsService siteSettings();

    /** Accueil (staff): what waits at the desk, failed mails and overdue invoices. */
    DeskHomeService deskHome();

    /**
     * The local mailbox the in-process mail relay delivers to in the embedded demo; empty on a
     * server database (mails go out by SMTP through the headless relay there).
     */
    default Optional<DemoMailboxService> demoMailbox() {
        return Optional.empty();
    }

    /**
     * The server this backend talks to without verifying its certificate, because
     * {@code tutti.json} allows it explicitly ({@code "allowUnverifiedTls": true}); the login
     * window warns about it. Empty when the connection is verified or stays on this computer,
     * and in the embedded demo.
     */
    default Optional<String> unverifiedServer() {
        return Optional.empty();
    }

    @Override
    void close();
}
