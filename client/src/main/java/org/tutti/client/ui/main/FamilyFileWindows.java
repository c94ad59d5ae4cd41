package org.tutti.client.ui.main;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.ui.billing.BillingTabs;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.family.FamilyModule;
import org.tutti.client.ui.staff.BillingDeskViewModel;
import org.tutti.client.ui.staff.FamilyBillingDesk;
import org.tutti.client.ui.staff.FamilyRecordsTabs;
import org.tutti.client.ui.students.StudentsModule;

/**
 * The front desk's family files (issue 16): one window per family (opening it again brings it to
 * the front), Escape closes it, placed beside the window it opens from ({@link DetailWindows}), as
 * large as the screen allows. Each window assembles the family's screens with the staff session
 * narrowed to the family ({@link UserSession#viewingFamily(long)}): Famille and Élèves (the
 * family's own, editable at once by staff), the front desk's billing of the family, then the
 * records of part "records".
 */
public final class FamilyFileWindows implements FamilyFileOpener {

    /** The window's size in em, within the screen. */
    private static final double WIDTH_EM = 84;
    private static final double HEIGHT_EM = 52;

    private final UserSession staff;
    private final Backend backend;
    private final BackgroundTasks tasks;
    private final DetailWindows windows = new DetailWindows();

    public FamilyFileWindows(UserSession staff, Backend backend, BackgroundTasks tasks) {
        this.staff = Objects.requireNonNull(staff);
        this.backend = Objects.requireNonNull(backend);
        this.tasks = Objects.requireNonNull(tasks);
    }

    @Override
    public void open(long familyId, String title, Window owner) {
        Object key = "familyFile" + familyId;
        if (windows.toFront(key)) {
            return;
        }
        FamilyFileView[] view = new FamilyFileView[1];
        FamilyRecordsTabs[] records = new FamilyRecordsTabs[1];
        Stage stage = windows.show(key, owner, title, () -> {
            // issue 16 — records: Réinscriptions, Demandes de modification, Courriers, Historique
            records[0] = new FamilyRecordsTabs(staff, backend.familyRecords(), tasks, this);
            view[0] = build(familyId, title);
            view[0].addTabs(records[0].tabs());
            records[0].showFamily(familyId);
            return view[0].root();
        }, () -> {
            view[0].closed();
            records[0].close();
        });
        // closing (Escape, Fermer, the window's button) with edits not applied asks first, as leaving a page does
        stage.setOnCloseRequest(e -> {
            if (view[0].hasUnsavedEdits()
                    && !Dialogs.confirm(stage, I18n.get("leave.file.question"), I18n.get("leave.file.confirm"))) {
                e.consume();
            }
        });
        fit(stage, owner);
        view[0].opened();
    }

    private FamilyFileView build(long familyId, String title) {
        UserSession viewing = staff.viewingFamily(familyId);
        FamilyFileViewModel header = new FamilyFileViewModel(viewing, backend.familyFile(), tasks, title);
        FamilyModule family = new FamilyModule(viewing, backend.familyFile(), tasks);
        // Élèves without Réinscription: the file's re-enrolment requests are part "records"'s tab
        StudentsModule students = new StudentsModule(viewing, backend.familyFile(), backend.pedagogy(),
                NO_CAMPAIGN, tasks);
        BillingDeskViewModel billingModel = new BillingDeskViewModel(staff, backend.staffBilling(), backend.billing(),
                tasks, Clock.systemDefaultZone());
        FamilyBillingDesk billing = new FamilyBillingDesk(billingModel, new BillingTabs(staff, backend.billing(), tasks));
        FamilyFileView view = new FamilyFileView(header, family, students, billing);
        return view;
    }

    /** As large as {@link #WIDTH_EM} × {@link #HEIGHT_EM}, within the owner's screen, against its right edge. */
    private static void fit(Stage stage, Window owner) {
        double em = ThemeManager.get().emInPixels();
        Rectangle2D screen = (owner == null || Double.isNaN(owner.getX()) ? Screen.getPrimary()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), 1, 1).stream().findFirst()
                        .orElse(Screen.getPrimary())).getVisualBounds();
        double width = Math.min(WIDTH_EM * em, screen.getWidth());
        double height = Math.min(HEIGHT_EM * em, screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        double x = owner == null || Double.isNaN(owner.getX()) ? screen.getMinX()
                : owner.getX() + owner.getWidth() - width - 1.5 * em;
        stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        double y = owner == null || Double.isNaN(owner.getY()) ? screen.getMinY() : owner.getY() + 3 * em;
        stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
    }

    /** Closes every file window (the session ends). */
    public void closeAll() {
        windows.closeAll();
    }

    /** The file window of {@code familyId}, or null (tests). */
    Stage window(long familyId) {
        return windows.window("familyFile" + familyId);
    }

    /** Re-enrolment as the file's Élèves sees it: no campaign (the requests have their own tab). */
    private static final ReenrolmentService NO_CAMPAIGN = new ReenrolmentService() {
        @Override
        public Optional<ReenrolmentCampaign> openCampaign(UserSession session) {
            return Optional.empty();
        }

        @Override
        public ReenrolmentForm form(UserSession session, long studentId) {
            throw new UnsupportedOperationException("No re-enrolment in a family's file");
        }

        @Override
        public long submit(UserSession session, ReenrolmentDraft draft) {
            throw new UnsupportedOperationException("No re-enrolment in a family's file");
        }

        @Override
        public byte[] documentContent(UserSession session, long documentId) {
            throw new UnsupportedOperationException("No re-enrolment in a family's file");
        }
    };
}
