package org.tutti.client.ui.family;

import java.util.Objects;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.ValidationEditor;

/**
 * Famille: the family's file in a {@link ValidationEditor}, loaded in the background, each field
 * with its pending value; Modifier sends the changed fields for validation, then reloads
 * (markers appear). The front desk viewing the family ({@link UserSession#isViewingFamily()})
 * applies the changed fields at once instead.
 */
public final class FamilyViewModel {

    private static final Failures FAILURES = Failures.of("Family file", "form.error.unexpected");

    private final UserSession session;
    private final FamilyFileService service;
    private final ValidationEditor editor;
    private long familyId;

    public FamilyViewModel(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.editor = new ValidationEditor(FamilyFile.FIELDS, tasks, FAILURES,
                session.isViewingFamily() ? "file.saved" : "family.submitted",
                session.isViewingFamily() ? "file.nothingNew" : "form.nothingNew");
        editor.setAcknowledger(requestId -> service.acknowledge(session, requestId));
    }

    /** Loads the file in the background (on opening the screen and after sending). */
    public void load() {
        editor.load(() -> service.loadFamily(session), file -> {
            familyId = file.id();
            editor.show("FAMILY:" + file.id(), file.values());
            editor.readyProperty().set(true);
        });
    }

    /** Modifier: checks the form, then sends the changes in the background. */
    public void submit() {
        editor.submit((changes, shown) -> frontDesk()
                ? service.edit(session, FamilyFileService.Target.FAMILY, familyId, changes)
                : service.submit(session, FamilyFileService.Target.FAMILY, familyId, changes, shown), this::load);
    }

    /** True at the front desk: Modifier applies the changes at once (no validation to wait for). */
    public boolean frontDesk() {
        return session.isViewingFamily();
    }

    public ValidationEditor editor() {
        return editor;
    }
}
