package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.AuthService;
import org.tutti.client.service.Backend;
import org.tutti.client.service.HomeService;
import org.tutti.client.service.PasswordChangeResult;
import org.tutti.client.service.SiteService;

/** A backend in memory for view-model tests: answers are set by the test, calls are recorded. */
public class FakeBackend implements Backend, AuthService, HomeService, SiteService, AccountService {

    public static final SiteSummary BELLERIVE = new SiteSummary("BELLERIVE", "Conservatoire de Bellerive");
    public static final SiteSummary MONTFLEURY = new SiteSummary("MONTFLEURY", "École de musique de Montfleury");

    public boolean demo = true;
    public List<SiteSummary> siteList = List.of(BELLERIVE, MONTFLEURY);
    public final List<String> loginCalls = new ArrayList<>();
    public final List<UserSession> logoutCalls = new ArrayList<>();
    public Function<String, Optional<UserSession>> loginAnswer = id -> Optional.empty();
    public FamilyHome familyHome;
    public StaffHome staffHome;
    public RuntimeException homeFailure;
    public boolean closed;
    /** "identifier/email" of each request for a new password. */
    public final List<String> passwordRequests = new ArrayList<>();
    public RuntimeException requestFailure;
    /** "identifier: current -> next" of each password change. */
    public final List<String> passwordChanges = new ArrayList<>();
    public PasswordChangeResult changeAnswer = PasswordChangeResult.CHANGED;
    public RuntimeException changeFailure;

    public static UserSession family(String identifier) {
        return new UserSession(1, Role.FAMILY, "BELLERIVE", "Conservatoire de Bellerive", identifier,
                "Claire Martin", 10L, "token");
    }

    public static UserSession staff() {
        return new UserSession(2, Role.STAFF, "BELLERIVE", "Conservatoire de Bellerive", "ACCUEIL",
                "Sophie Bernard", null, "token");
    }

    @Override
    public boolean isEmbeddedDemo() {
        return demo;
    }

    /** The server reached without certificate verification (allowed by tutti.json); null: none. */
    public String unverifiedServer;

    @Override
    public Optional<String> unverifiedServer() {
        return Optional.ofNullable(unverifiedServer);
    }

    @Override
    public SiteService sites() {
        return this;
    }

    @Override
    public AuthService auth() {
        return this;
    }

    @Override
    public HomeService home() {
        return this;
    }

    @Override
    public AccountService accounts() {
        return this;
    }

    /** Validations: set by the staff screens' tests. */
    public org.tutti.client.service.StaffChangesService staffChanges;

    @Override
    public org.tutti.client.service.StaffChangesService staffChanges() {
        return staffChanges;
    }

    /** Famille and Élèves: set by the family screens' tests. */
    public org.tutti.client.service.FamilyFileService familyFile;

    @Override
    public org.tutti.client.service.FamilyFileService familyFile() {
        return familyFile;
    }

    /** Élèves › Cours, Historique, Répertoire: set by the students screens' tests. */
    public org.tutti.client.service.PedagogyService pedagogy;

    @Override
    public org.tutti.client.service.PedagogyService pedagogy() {
        return pedagogy;
    }

    /** Élèves › Réinscription: set by the re-enrolment screens' tests. */
    public org.tutti.client.service.ReenrolmentService reenrolment;

    @Override
    public org.tutti.client.service.ReenrolmentService reenrolment() {
        return reenrolment;
    }

    /** Réinscriptions (staff): set by the staff screen's tests. */
    public org.tutti.client.service.StaffReenrolmentService staffReenrolments;

    @Override
    public org.tutti.client.service.StaffReenrolmentService staffReenrolments() {
        return staffReenrolments;
    }

    /** Facturation: set by the billing screens' tests. */
    public org.tutti.client.service.BillingService billing;

    @Override
    public org.tutti.client.service.BillingService billing() {
        return billing;
    }

    /** Facturation at the front desk: set by the staff billing screen's tests. */
    public org.tutti.client.service.StaffBillingService staffBilling;

    @Override
    public org.tutti.client.service.StaffBillingService staffBilling() {
        return staffBilling;
    }

    // issue 16 — search
    public org.tutti.client.service.FamilySearchService familySearch;

    @Override
    public org.tutti.client.service.FamilySearchService familySearch() {
        return familySearch;
    }

    /** The family file's records: set by the record tabs' tests. */
    public org.tutti.client.service.FamilyRecordsService familyRecords;

    @Override
    public org.tutti.client.service.FamilyRecordsService familyRecords() {
        return familyRecords;
    }

    /** Comptes at the front desk: set by the accounts screen's tests. */
    public org.tutti.client.service.FamilyAccountsService familyAccounts;

    @Override
    public org.tutti.client.service.FamilyAccountsService familyAccounts() {
        return familyAccounts;
    }

    /** Pédagogie at the front desk: set by the staff pedagogy screen's tests. */
    public org.tutti.client.service.StaffPedagogyService staffPedagogy;

    @Override
    public org.tutti.client.service.StaffPedagogyService staffPedagogy() {
        return staffPedagogy;
    }

    /** Paramètres: set by the settings screen's tests. */
    public org.tutti.client.service.SiteSettingsService siteSettings;

    @Override
    public org.tutti.client.service.SiteSettingsService siteSettings() {
        return siteSettings;
    }

    /** The staff Accueil's counts and lists: set by the home screen's tests. */
    public org.tutti.client.service.DeskHomeService deskHome;

    @Override
    public org.tutti.client.service.DeskHomeService deskHome() {
        return deskHome;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<SiteSummary> listSites() {
        return siteList;
    }

    @Override
    public Optional<UserSession> login(String siteCode, String identifier, char[] password) {
        loginCalls.add(siteCode + "/" + identifier + "/" + new String(password));
        java.util.Arrays.fill(password, '\0');
        return loginAnswer.apply(identifier);
    }

    @Override
    public void logout(UserSession session) {
        logoutCalls.add(session);
    }

    @Override
    public FamilyHome familyHome(UserSession session) {
        if (homeFailure != null) {
            throw homeFailure;
        }
        return familyHome;
    }

    @Override
    public StaffHome staffHome(UserSession session) {
        if (homeFailure != null) {
            throw homeFailure;
        }
        return staffHome;
    }

    @Override
    public void requestPassword(String identifier, String email) {
        passwordRequests.add(identifier + "/" + email);
        if (requestFailure != null) {
            throw requestFailure;
        }
    }

    @Override
    public PasswordChangeResult changePassword(UserSession session, char[] current, char[] next) {
        passwordChanges.add(session.identifier() + ": " + new String(current) + " -> " + new String(next));
        java.util.Arrays.fill(current, '\0');
        java.util.Arrays.fill(next, '\0');
        if (changeFailure != null) {
            throw changeFailure;
        }
        return changeAnswer;
    }
}
