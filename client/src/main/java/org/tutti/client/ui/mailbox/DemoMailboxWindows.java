package org.tutti.client.ui.mailbox;

import java.time.ZoneId;
import java.util.Objects;
import javafx.stage.Window;
import org.tutti.client.service.DemoMailboxService;
import org.tutti.client.ui.common.BackgroundTasks;

/**
 * Opens the demo mailbox window once: asked again while it is open, it brings that window to
 * the front instead of opening a second one. One per application (the login and main windows
 * are the same stage, which owns it).
 */
public final class DemoMailboxWindows {

    private final BackgroundTasks tasks;
    private DemoMailboxWindow open;

    public DemoMailboxWindows(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Shows the mailbox window owned by {@code owner}, or brings the open one to the front. */
    public void show(Window owner, DemoMailboxService mailbox) {
        if (open != null && open.stage().isShowing()) {
            open.stage().toFront();
            open.stage().requestFocus();
            return;
        }
        open = new DemoMailboxWindow(owner, new DemoMailboxViewModel(mailbox, tasks, ZoneId.systemDefault()));
        open.show();
    }
}
