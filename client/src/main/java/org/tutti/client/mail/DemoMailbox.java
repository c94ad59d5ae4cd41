package org.tutti.client.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.DemoMail;
import org.tutti.client.service.DemoMailboxService;

/**
 * The embedded demo's mailbox: each mail is one RFC 822 file
 * {@code <dataFolder>/mailbox/<receivedAtMillis>-<outboxId>.eml} (open it with any mail reader).
 * The file name is the index: the mail's id, its arrival time and the order, newest first.
 * Files are written to a temporary name and then renamed, so a reader never sees half a mail.
 */
public final class DemoMailbox implements MailTransport, DemoMailboxService {

    public static final String FOLDER = "mailbox";
    /** The sender shown on demo mails. */
    public static final String FROM = "ne-pas-repondre@tutti.demo";
    public static final String FROM_NAME = "Tutti (démo)";

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailbox.class);
    private static final String EXTENSION = ".eml";
    private static final Pattern ID = Pattern.compile("\\d{13}-\\d{1,19}");

    private final Path folder;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final Object arrivals = new Object();

    public DemoMailbox(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void send(OutgoingMail mail) throws MailDeliveryException {
        Instant now = clock.instant();
        String id = String.format("%013d-%d", now.toEpochMilli(), mail.outboxId());
        try {
            Files.createDirectories(folder);
            MimeMessage message = MimeMessages.build(session, mail, FROM, FROM_NAME, Date.from(now));
            Path temporary = Files.createTempFile(folder, ".incoming-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    message.writeTo(out);
                }
                move(temporary, folder.resolve(id + EXTENSION));
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            throw new MailDeliveryException("demo mailbox " + folder + ": " + MimeMessages.shortReason(e), e);
        }
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("No atomic move in {}: {}", to.getParent(), e.toString());
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public List<DemoMail> list() {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String id = name.substring(0, name.length() - EXTENSION.length());
                    if (ID.matcher(id).matches()) {
                        ids.add(id);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the demo mailbox " + folder, e);
            }
        }
        ids.sort(Comparator.comparing(DemoMailbox::millis).thenComparing(DemoMailbox::outboxId).reversed());
        List<DemoMail> mails = new ArrayList<>(ids.size());
        for (String id : ids) {
            get(id).ifPresent(mails::add);
        }
        return mails;
    }

    @Override
    public Optional<DemoMail> get(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + EXTENSION);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(session, in);
            String[] bodies = {null, null};
            collect(message, bodies);
            String recipient = message.getAllRecipients() == null || message.getAllRecipients().length == 0
                    ? "" : message.getAllRecipients()[0].toString();
            return Optional.of(new DemoMail(id, Instant.ofEpochMilli(millis(id)), recipient,
                    message.getSubject() == null ? "" : message.getSubject(),
                    bodies[0] == null ? "" : bodies[0], bodies[1]));
        } catch (IOException | MessagingException e) {
            LOG.warn("Unreadable mail {} in the demo mailbox: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    @Override
    public Optional<DemoMail> awaitMail(Predicate<DemoMail> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<DemoMail> found = list().stream().filter(matching).findFirst();
            long remaining = deadline - System.nanoTime();
            if (found.isPresent() || remaining <= 0) {
                return found;
            }
            synchronized (arrivals) {
                try {
                    // woken by a delivery of this JVM; the bound also catches files written by another
                    arrivals.wait(Math.max(1, Math.min(Duration.ofNanos(remaining).toMillis(), 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    private static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    private static long outboxId(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
