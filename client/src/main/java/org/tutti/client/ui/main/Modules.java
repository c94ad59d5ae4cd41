package org.tutti.client.ui.main;

import java.util.List;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.ui.accounts.AccountsModule;
import org.tutti.client.ui.billing.BillingModule;
import org.tutti.client.ui.billing.BillingTabs;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.families.FamiliesModule;
import org.tutti.client.ui.family.FamilyModule;
import org.tutti.client.ui.home.HomeModule;
import org.tutti.client.ui.settings.SettingsModule;
import org.tutti.client.ui.password.PasswordModule;
import org.tutti.client.ui.students.CourseWindows;
import org.tutti.client.ui.students.StudentsModule;
import org.tutti.client.ui.staff.BillingDeskModule;
import org.tutti.client.ui.staff.ReenrolmentsModule;
import org.tutti.client.ui.staff.ValidationsModule;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyModule;

/**
 * The two navigation lists: family mode and staff mode, in the seed's order (Accueil, Famille,
 * Élèves, Facturation, Accessibilité, Mot de passe). Later issues add Famille, Élèves,
 * Facturation, Accessibilité (family) and the staff screens here; Déconnexion is not a module,
 * the main window always adds it last.
 */
public final class Modules {

    private Modules() {
    }

    public static List<ModuleEntry> forSession(UserSession session, Backend backend, BackgroundTasks tasks) {
        return session.isStaff() ? staff(session, backend, tasks) : family(session, backend, tasks);
    }

    static List<ModuleEntry> family(UserSession session, Backend backend, BackgroundTasks tasks) {
        return List.of(
                new ModuleEntry(Actions.NAV_HOME, () -> new HomeModule(session, backend.home(), tasks,
                        new CourseWindows(session, backend.pedagogy(), tasks))),
                new ModuleEntry(Actions.NAV_FAMILY, () -> new FamilyModule(session, backend.familyFile(), tasks)),
                new ModuleEntry(Actions.NAV_STUDENTS, () -> new StudentsModule(session, backend.familyFile(), backend.pedagogy(),
                        backend.reenrolment(), tasks)),
                new ModuleEntry(Actions.NAV_BILLING, () -> new BillingModule(session, backend.billing(), tasks)),
                new ModuleEntry(Actions.NAV_PASSWORD, () -> new PasswordModule(session, backend.accounts(), tasks)));
    }

    static List<ModuleEntry> staff(UserSession session, Backend backend, BackgroundTasks tasks) {
        // issue 16 — file: one opener of the family files for every staff screen that opens one
        FamilyFileWindows files = new FamilyFileWindows(session, backend, tasks);
        return List.of(
                // issue 16 — settings + home: the desk's counts; the overdue invoices open a family's file
                new ModuleEntry(Actions.NAV_HOME, () -> new HomeModule(session, backend.home(), backend.deskHome(), tasks,
                        files)),
                new ModuleEntry(Actions.NAV_VALIDATIONS,
                        () -> new ValidationsModule(session, backend.staffChanges(), tasks)),
                new ModuleEntry(Actions.NAV_REENROLMENTS,
                        () -> new ReenrolmentsModule(session, backend.staffReenrolments(), tasks)),
                // issue 16 — search: Familles
                new ModuleEntry(Actions.NAV_FAMILIES, () -> new FamiliesModule(session, backend.familySearch(), tasks,
                        files)),
                // issue 16 — accounts: Comptes
                new ModuleEntry(Actions.NAV_ACCOUNTS, () -> new AccountsModule(session, backend.familyAccounts(), tasks,
                        files)),
                // issue 14 — staff UI: Facturation at the front desk, with the family's tabs
                new ModuleEntry(Actions.NAV_BILLING, () -> new BillingDeskModule(session, backend.staffBilling(),
                        backend.billing(), tasks, () -> new BillingTabs(session, backend.billing(), tasks), files)),
                // issue 16 — pedagogy: a course's absences and evaluations at the front desk
                new ModuleEntry(Actions.NAV_STAFF_PEDAGOGY,
                        () -> new StaffPedagogyModule(session, backend.staffPedagogy(), tasks)),
                // issue 16 — settings + home: Paramètres, after Pédagogie
                new ModuleEntry(Actions.NAV_SETTINGS, () -> new SettingsModule(session, backend.siteSettings(), tasks)),
                new ModuleEntry(Actions.NAV_PASSWORD, () -> new PasswordModule(session, backend.accounts(), tasks)));
    }

}
