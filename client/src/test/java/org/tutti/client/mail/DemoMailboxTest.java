package org.tutti.client.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.domain.DemoMail;

class DemoMailboxTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));

    @Test
    void keepsEachMailAsAnEmlFileAndListsThemNewestFirst() throws Exception {
        DemoMailbox mailbox = new DemoMailbox(folder.resolve("mailbox"), clock);
        assertThat(mailbox.list()).isEmpty();
        mailbox.send(new OutgoingMail(7, "a@example.org", "Premier — é", "texte un", null));
        clock.advance(Duration.ofSeconds(5));
        mailbox.send(new OutgoingMail(8, "b@example.org", "Deuxième", "texte deux", "<p>deux</p>"));

        assertThat(mailbox.list()).extracting(DemoMail::subject).containsExactly("Deuxième", "Premier — é");
        DemoMail newest = mailbox.list().get(0);
        assertThat(newest.recipient()).isEqualTo("b@example.org");
        assertThat(newest.receivedAt()).isEqualTo(clock.instant());
        assertThat(newest.textBody()).isEqualTo("texte deux");
        assertThat(newest.htmlBody()).isEqualTo("<p>deux</p>");
        DemoMail oldest = mailbox.list().get(1);
        assertThat(oldest.htmlBody()).isNull();
        assertThat(mailbox.get(oldest.id())).contains(oldest);
        assertThat(Files.readString(folder.resolve("mailbox").resolve(newest.id() + ".eml")))
                .contains("X-Tutti-Outbox-Id: 8").contains("multipart/alternative");
        assertThat(mailbox.get("../../etc/passwd")).isEmpty();
    }

    @Test
    void awaitMailGivesUpAfterItsTimeout() {
        DemoMailbox mailbox = new DemoMailbox(folder.resolve("mailbox"), clock);
        assertThat(mailbox.awaitMail(m -> true, Duration.ofMillis(100))).isEmpty();
    }
}
