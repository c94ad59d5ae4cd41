package org.tutti.client.ui.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.DemoMail;
import org.tutti.client.service.DemoMailboxService;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;

class DemoMailboxViewModelTest {

    /** A mailbox in memory: the test sets what {@link #list()} answers. */
    private static final class FakeMailbox implements DemoMailboxService {
        List<DemoMail> mails = List.of();
        RuntimeException failure;
        int reads;

        @Override
        public List<DemoMail> list() {
            reads++;
            if (failure != null) {
                throw failure;
            }
            return mails;
        }

        @Override
        public Optional<DemoMail> get(String id) {
            return mails.stream().filter(m -> m.id().equals(id)).findFirst();
        }

        @Override
        public Optional<DemoMail> awaitMail(Predicate<DemoMail> matching, Duration timeout) {
            return mails.stream().filter(matching).findFirst();
        }
    }

    private static final DemoMail OLD = new DemoMail("m1", Instant.parse("2026-11-28T09:05:00Z"),
            "f0002@example.org", "Votre compte", "Bonjour,\nvotre compte est ouvert.", null);
    private static final DemoMail NEW = new DemoMail("m2", Instant.parse("2026-11-28T19:40:02Z"),
            "f0001@example.org", "Conservatoire de Bellerive — votre nouveau mot de passe",
            "Identifiant : F0001\nMot de passe : Xk7pQ2mRt9wZ", "<p>html</p>");

    private final FakeMailbox mailbox = new FakeMailbox();
    private DemoMailboxViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new DemoMailboxViewModel(mailbox, BackgroundTasks.sameThread(), ZoneOffset.UTC);
    }

    @Test
    void theMailsAreListedInTheMailboxsOrderNewestFirstWithFrenchDates() {
        mailbox.mails = List.of(NEW, OLD);

        model.refresh();

        assertThat(model.rows()).containsExactly(
                new MailRow("m2", "28/11/2026 19:40:02", "f0001@example.org",
                        "Conservatoire de Bellerive — votre nouveau mot de passe"),
                new MailRow("m1", "28/11/2026 09:05:00", "f0002@example.org", "Votre compte"));
        assertThat(model.countProperty().get()).isEqualTo("2 messages");
        assertThat(model.bodyProperty().get()).as("nothing selected yet").isEmpty();
    }

    @Test
    void selectingAMailShowsItsPlainText() {
        mailbox.mails = List.of(NEW, OLD);
        model.refresh();

        model.selectedProperty().set(model.rows().get(0));

        assertThat(model.bodyProperty().get()).isEqualTo("Identifiant : F0001\nMot de passe : Xk7pQ2mRt9wZ");
        model.selectedProperty().set(null);
        assertThat(model.bodyProperty().get()).isEmpty();
    }

    @Test
    void aNewMailArrivesOnTopAndTheSelectionStaysOnTheSameMail() {
        mailbox.mails = List.of(OLD);
        model.refresh();
        model.selectedProperty().set(model.rows().get(0));

        mailbox.mails = List.of(NEW, OLD);
        model.refresh();

        assertThat(model.rows()).extracting(MailRow::id).containsExactly("m2", "m1");
        assertThat(model.selectedProperty().get().id()).isEqualTo("m1");
        assertThat(model.bodyProperty().get()).isEqualTo("Bonjour,\nvotre compte est ouvert.");
        assertThat(model.countProperty().get()).isEqualTo("2 messages");
    }

    @Test
    void anUnchangedMailboxLeavesTheTableAlone() {
        mailbox.mails = List.of(NEW, OLD);
        model.refresh();
        List<String> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<MailRow>) c -> changes.add(c.toString()));

        model.refresh();
        model.refresh();

        assertThat(mailbox.reads).isEqualTo(3);
        assertThat(changes).isEmpty();
    }

    @Test
    void anEmptyMailboxAndOneMailAreCountedInFrench() {
        model.refresh();
        assertThat(model.countProperty().get()).isEqualTo("Aucun message");
        mailbox.mails = List.of(OLD);
        model.refresh();
        assertThat(model.countProperty().get()).isEqualTo("1 message");
    }

    @Test
    void aMailboxThatCannotBeReadSaysSoAndTheNextReadClearsIt() {
        mailbox.failure = new IllegalStateException("disk");
        model.refresh();
        assertThat(model.errorProperty().get()).isEqualTo("La boîte mail de démonstration n’a pas pu être lue.");
        assertThat(model.loadingProperty().get()).isFalse();

        mailbox.failure = null;
        mailbox.mails = List.of(OLD);
        model.refresh();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.rows()).hasSize(1);
    }
}
