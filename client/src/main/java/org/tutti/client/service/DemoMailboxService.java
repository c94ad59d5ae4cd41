package org.tutti.client.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.tutti.client.domain.DemoMail;

/**
 * The embedded demo's local mailbox: the mails the in-process relay delivered to
 * {@code <dataFolder>/mailbox/} instead of an SMTP server. Obtained from
 * {@link Backend#demoMailbox()}; every method may be called from any thread (it reads files, so
 * call it off the JavaFX thread).
 */
public interface DemoMailboxService {

    /** Every mail of the mailbox, newest first. */
    List<DemoMail> list();

    /** The mail with this {@link DemoMail#id()}, if it is still there. */
    Optional<DemoMail> get(String id);

    /**
     * Waits (blocking) until a mail matching the predicate is in the mailbox, for tests and for
     * flows that want to show the mail as soon as the relay delivered it.
     *
     * @return the newest matching mail, or empty when none arrived within the timeout
     */
    Optional<DemoMail> awaitMail(Predicate<DemoMail> matching, Duration timeout);
}
