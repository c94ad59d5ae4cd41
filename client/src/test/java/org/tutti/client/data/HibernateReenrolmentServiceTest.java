package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.NewDocument;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentCourse;
import org.tutti.client.domain.ReenrolmentDetail;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StaffReenrolmentService;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.h2.FieldLabels;

/**
 * Issue 13's data layer on both databases (on PostgreSQL as {@code tutti_family} and
 * {@code tutti_staff}, under row-level security): the open campaign by the database's date, a
 * student's form, a request sent through {@code submit_reenrolment} and read back, each refusal
 * as its reason, the front desk's list, detail, documents and decisions, its campaign and
 * document types. Tests that send a request take a BELLERIVE student of their own (one with
 * courses this year and no request yet, from the end of the list): the seeded database is shared
 * by the whole test run. The campaign round trip works on MONTFLEURY's and puts it back.
 */
@Tag("postgres")
class HibernateReenrolmentServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static ReenrolmentService family(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend().reenrolment();
    }

    private static StaffReenrolmentService staff(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().staffReenrolments();
    }

    private static UserSession login(DatabaseVendor vendor, String identifier) {
        String site = identifier.startsWith("M") ? "MONTFLEURY" : "BELLERIVE";
        return SeededDatabases.get(vendor).familyBackend().auth()
                .login(site, identifier, site.toLowerCase(Locale.ROOT).toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in"));
    }

    private static UserSession accueil(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();
    }

    private static UserSession secretariat(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login("MONTFLEURY", "SECRETARIAT", "montfleury".toCharArray()).orElseThrow();
    }

    /** A BELLERIVE student with courses this year and no request yet, and its family's login. */
    private record Pupil(long studentId, long familyId, String identifier, String familyEmail) {
    }

    private static Pupil freshStudent(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long studentId = ((Number) sql.column("select st.id from tutti.student st"
                + " join tutti.family f on f.id = st.family_id join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE'"
                + " and not exists (select 1 from tutti.reenrolment_request r where r.student_id = st.id)"
                + " and exists (select 1 from tutti.enrolment e join tutti.course c on c.id = e.course_id"
                + "   join tutti.school_year y on y.id = c.school_year_id"
                + "   where e.student_id = st.id and y.is_current = true and e.status <> 'WITHDRAWN')"
                + " and exists (select 1 from tutti.account a where a.family_id = f.id)"
                + " order by st.id desc").get(0)).longValue();
        long familyId = sql.count("select family_id from tutti.student where id = ?", studentId);
        String identifier = (String) sql.value("select min(identifier) from tutti.account where family_id = ?", familyId);
        String email = (String) sql.value("select email from tutti.family where id = ?", familyId);
        return new Pupil(studentId, familyId, identifier, email);
    }

    private static long firstStudent(DatabaseVendor vendor, String familyIdentifier) {
        return sql(vendor).count("select min(st.id) from tutti.student st join tutti.family f on f.id = st.family_id"
                + " where f.identifier = ?", familyIdentifier);
    }

    private static DocumentType type(ReenrolmentForm form, boolean required) {
        return form.documentTypes().stream().filter(t -> t.required() == required).findFirst()
                .orElseThrow(() -> new AssertionError("no " + (required ? "required" : "optional") + " type"));
    }

    /** A document of every required type of the form. */
    private static List<NewDocument> requiredDocuments(ReenrolmentForm form) {
        return form.documentTypes().stream().filter(DocumentType::required)
                .map(t -> new NewDocument(t.id(), "justificatif-" + t.id() + ".png", "image/png", png()))
                .toList();
    }

    private static ReenrolmentDraft courses(ReenrolmentForm form, List<NewDocument> documents) {
        return new ReenrolmentDraft(form.studentId(), false,
                form.courses().stream().map(ReenrolmentCourse::enrolmentId).toList(), null, documents);
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's date, which decides whether a campaign is open. */
    private static LocalDate today(DatabaseVendor vendor) {
        return LocalDate.parse(String.valueOf(sql(vendor).value("select cast(current_date as varchar(10))")));
    }

    private static long mails(DatabaseVendor vendor, String kind, String recipient) {
        return sql(vendor).count("select count(*) from tutti.mail_outbox where kind = ? and lower(recipient) = lower(?)",
                kind, recipient);
    }

    // ------------------------------------------------------------------ family

    @ParameterizedTest
    @MethodSource("vendors")
    void belleriveFamiliesSeeTheirSitesOpenCampaignAndMontfleuryOnesNone(DatabaseVendor vendor) {
        ReenrolmentCampaign campaign = family(vendor).openCampaign(login(vendor, "F0001")).orElseThrow();

        assertThat(campaign.status()).isEqualTo("OPEN");
        assertThat(campaign.id()).isEqualTo(sql(vendor).count("select c.id from tutti.reenrolment_campaign c"
                + " join tutti.site s on s.id = c.site_id where s.code = 'BELLERIVE'"));
        assertThat(campaign.targetYear()).isEqualTo(sql(vendor).value("select label from tutti.school_year where id = ?",
                campaign.targetYearId()));
        LocalDate today = today(vendor);
        assertThat(campaign.acceptsRequestsOn(today)).isTrue();
        assertThat(campaign.maxDocumentBytes()).isEqualTo(2_097_152);

        assertThat(family(vendor).openCampaign(login(vendor, "M0001"))).as("MONTFLEURY's is closed").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFormListsTheStudentsCoursesOfThisYearAndTheCampaignsDocumentTypes(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        long student = firstStudent(vendor, "F0001");

        ReenrolmentForm form = family(vendor).form(user, student);

        List<Object> expected = sql(vendor).column("select " + FieldLabels.COURSE_CHOICE_SQL + " from tutti.enrolment e"
                + " join tutti.course c on c.id = e.course_id join tutti.school_year y on y.id = c.school_year_id"
                + " join tutti.discipline d on d.id = c.discipline_id"
                + " where e.student_id = ? and y.is_current = true and e.status <> 'WITHDRAWN'", student);
        assertThat(form.courses()).isNotEmpty();
        assertThat(form.courses()).extracting(ReenrolmentCourse::label).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(String.class::cast).toList());
        assertThat(form.courses()).extracting(ReenrolmentCourse::label).as("each course named once")
                .noneMatch(label -> label.matches("(.+) — \\1\\b.*"));
        assertThat(form.documentTypes()).extracting(DocumentType::name).containsExactlyInAnyOrderElementsOf(
                sql(vendor).column("select t.name from tutti.document_type t where t.campaign_id = ?",
                        form.campaign().id()).stream().map(String.class::cast).toList());
        assertThat(form.documentTypes()).hasSize(3).anyMatch(DocumentType::required)
                .extracting(DocumentType::uses).containsOnly(0L);

        long otherFamilysStudent = firstStudent(vendor, "F0003");
        assertThatThrownBy(() -> family(vendor).form(user, otherFamilysStudent))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
    }

    /** H2 has no row-level security: the client's filter gives the same form as PostgreSQL's policies. */
    @Test
    void h2AndPostgresqlGiveTheSameForm() {
        ReenrolmentForm h2 = family(DatabaseVendor.H2).form(login(DatabaseVendor.H2, "F0002"),
                firstStudent(DatabaseVendor.H2, "F0002"));
        ReenrolmentForm postgresql = family(DatabaseVendor.POSTGRESQL).form(login(DatabaseVendor.POSTGRESQL, "F0002"),
                firstStudent(DatabaseVendor.POSTGRESQL, "F0002"));

        assertThat(h2.sent()).as("F0002's first student's request, with its documents").isPresent()
                .hasValueSatisfying(s -> assertThat(s.documents()).isNotEmpty());
        assertThat(postgresql).usingRecursiveComparison().isEqualTo(h2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aSentRequestIsReadBackPendingWithItsChoicesAndDocumentsAndTheFamilyIsMailed(DatabaseVendor vendor) {
        Pupil pupil = freshStudent(vendor);
        UserSession user = login(vendor, pupil.identifier());
        ReenrolmentForm form = family(vendor).form(user, pupil.studentId());
        assertThat(form.sent()).isEmpty();
        byte[] pdf = pdf();
        byte[] png = png();
        DocumentType required = type(form, true);
        DocumentType optional = type(form, false);
        List<NewDocument> documents = new java.util.ArrayList<>(requiredDocuments(form).stream()
                .filter(d -> d.documentTypeId() != required.id()).toList());
        documents.add(new NewDocument(required.id(), "C:\\Users\\parent\\justificatif.png", "image/png", png));
        documents.add(new NewDocument(optional.id(), "avis.pdf", "application/pdf", pdf));
        long mailsBefore = mails(vendor, "REENROL_ACK", pupil.familyEmail());

        long id = family(vendor).submit(user, new ReenrolmentDraft(pupil.studentId(), false,
                List.of(form.courses().get(0).enrolmentId()), "  Le mercredi si possible.  ", documents));

        SentReenrolment sent = family(vendor).form(user, pupil.studentId()).sent().orElseThrow();
        assertThat(sent.id()).isEqualTo(id);
        assertThat(sent.state()).isEqualTo(ReenrolmentState.PENDING);
        assertThat(sent.administrative()).isFalse();
        assertThat(sent.choices()).containsExactly(form.courses().get(0).label());
        assertThat(sent.comment()).isEqualTo("Le mercredi si possible.");
        assertThat(sent.submittedAt()).isNotNull();
        assertThat(sent.decidedAt()).isNull();
        assertThat(sent.decisionComment()).isNull();
        assertThat(sent.documents()).hasSize(documents.size());
        StoredDocument stored = sent.documents().stream().filter(d -> d.typeName().equals(required.name())
                && d.fileName().equals("justificatif.png")).findFirst().orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sizeBytes()).isEqualTo(png.length);
        assertThat(stored.sha256()).isEqualTo(sha256(png));
        StoredDocument avis = sent.documents().stream().filter(d -> d.typeName().equals(optional.name()))
                .findFirst().orElseThrow();
        assertThat(avis.contentType()).isEqualTo("application/pdf");
        assertThat(avis.sizeBytes()).isEqualTo(pdf.length);
        assertThat(family(vendor).documentContent(user, avis.id())).isEqualTo(pdf);
        assertThat(mails(vendor, "REENROL_ACK", pupil.familyEmail())).isEqualTo(mailsBefore + 1);

        assertThatThrownBy(() -> family(vendor).submit(user, courses(form, requiredDocuments(form))))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_SENT));
        assertThat(sql(vendor).count("select count(*) from tutti.reenrolment_request where student_id = ?",
                pupil.studentId())).isOne();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void administrativeReenrolmentAloneIsARequestWithoutChoices(DatabaseVendor vendor) {
        Pupil pupil = freshStudent(vendor);
        UserSession user = login(vendor, pupil.identifier());
        ReenrolmentForm form = family(vendor).form(user, pupil.studentId());

        family(vendor).submit(user, new ReenrolmentDraft(pupil.studentId(), true, List.of(), null,
                requiredDocuments(form)));

        SentReenrolment sent = family(vendor).form(user, pupil.studentId()).sent().orElseThrow();
        assertThat(sent.administrative()).isTrue();
        assertThat(sent.choices()).isEmpty();
        assertThat(sent.comment()).isNull();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void eachRefusalIsItsReasonAndNothingIsRecorded(DatabaseVendor vendor) {
        Pupil pupil = freshStudent(vendor);
        UserSession user = login(vendor, pupil.identifier());
        ReenrolmentForm form = family(vendor).form(user, pupil.studentId());
        DocumentType required = type(form, true);
        List<NewDocument> others = requiredDocuments(form).stream()
                .filter(d -> d.documentTypeId() != required.id()).toList();

        assertRefused(vendor, user, new ReenrolmentDraft(pupil.studentId(), false, List.of(), null,
                requiredDocuments(form)), Reason.NOTHING_CHOSEN, null);
        assertRefused(vendor, user, new ReenrolmentDraft(pupil.studentId(), true,
                List.of(form.courses().get(0).enrolmentId()), null, requiredDocuments(form)), Reason.BOTH_CHOSEN, null);
        assertRefused(vendor, user, courses(form, others), Reason.MISSING_DOCUMENT, Long.toString(required.id()));
        byte[] tooLarge = Arrays.copyOf(png(), 2_097_153);
        assertRefused(vendor, user, courses(form, with(others,
                new NewDocument(required.id(), "grand.png", "image/png", tooLarge))), Reason.TOO_LARGE, "2097152");
        assertRefused(vendor, user, courses(form, with(others, new NewDocument(required.id(), "faux.png", "image/png",
                "ceci n'est pas une image".getBytes(StandardCharsets.UTF_8)))), Reason.UNSUPPORTED_TYPE, null);
        assertRefused(vendor, user, courses(form, with(others,
                new NewDocument(required.id(), "vide.pdf", "application/pdf", new byte[0]))), Reason.EMPTY, null);
        assertRefused(vendor, user, new ReenrolmentDraft(pupil.studentId(), true, List.of(), "x".repeat(4001),
                requiredDocuments(form)), Reason.TOO_LONG, "4000");

        // what the form showed is no longer the student's or the campaign's: reload
        long montfleuryType = sql(vendor).count("select min(t.id) from tutti.document_type t"
                + " join tutti.reenrolment_campaign c on c.id = t.campaign_id join tutti.site s on s.id = c.site_id"
                + " where s.code = 'MONTFLEURY'");
        assertThatThrownBy(() -> family(vendor).submit(user, courses(form, with(requiredDocuments(form),
                new NewDocument(montfleuryType, "autre.png", "image/png", png())))))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
        long othersEnrolment = sql(vendor).count("select min(e.id) from tutti.enrolment e where e.student_id <> ?",
                pupil.studentId());
        assertThatThrownBy(() -> family(vendor).submit(user, new ReenrolmentDraft(pupil.studentId(), false,
                List.of(othersEnrolment), null, requiredDocuments(form))))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));

        assertThat(sql(vendor).count("select count(*) from tutti.reenrolment_request where student_id = ?",
                pupil.studentId())).isZero();
        assertThat(family(vendor).form(user, pupil.studentId()).sent()).isEmpty();
    }

    private static List<NewDocument> with(List<NewDocument> documents, NewDocument another) {
        List<NewDocument> all = new java.util.ArrayList<>(documents);
        all.add(another);
        return all;
    }

    private static void assertRefused(DatabaseVendor vendor, UserSession user, ReenrolmentDraft draft, Reason reason,
            String detail) {
        assertThatThrownBy(() -> family(vendor).submit(user, draft))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    if (detail != null) {
                        assertThat(e.detail()).isEqualTo(detail);
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyCannotReadAnotherFamilysDocumentsNorSendForAnotherFamilysStudent(DatabaseVendor vendor) {
        long othersDocument = sql(vendor).count("select min(d.id) from tutti.uploaded_document d"
                + " join tutti.reenrolment_request r on r.id = d.request_id join tutti.student st on st.id = r.student_id"
                + " join tutti.family f on f.id = st.family_id where f.identifier = 'F0002'");
        UserSession f0002 = login(vendor, "F0002");
        assertThat(family(vendor).documentContent(f0002, othersDocument)).isNotEmpty();
        UserSession f0001 = login(vendor, "F0001");

        assertThatThrownBy(() -> family(vendor).documentContent(f0001, othersDocument))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
        long othersStudent = freshStudent(vendor).studentId();
        assertThatThrownBy(() -> family(vendor).submit(f0001, new ReenrolmentDraft(othersStudent, true, List.of(),
                null, List.of())))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
        assertThat(sql(vendor).count("select count(*) from tutti.reenrolment_request where student_id = ?",
                othersStudent)).isZero();
    }

    // ------------------------------------------------------------------ staff

    /** A sent request of a fresh student: its id and the family's address. */
    private static Pupil sentRequest(DatabaseVendor vendor, long[] requestId) {
        Pupil pupil = freshStudent(vendor);
        UserSession user = login(vendor, pupil.identifier());
        ReenrolmentForm form = family(vendor).form(user, pupil.studentId());
        requestId[0] = family(vendor).submit(user, courses(form, requiredDocuments(form)));
        return pupil;
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFrontDeskListsItsSitesRequestsNewestFirstAndReadsTheirDocuments(DatabaseVendor vendor) {
        long[] id = new long[1];
        Pupil pupil = sentRequest(vendor, id);
        UserSession accueil = accueil(vendor);
        ReenrolmentCampaign campaign = staff(vendor).campaign(accueil).orElseThrow();

        List<ReenrolmentSummary> requests = staff(vendor).requests(accueil, campaign.id());

        assertThat(requests).extracting(ReenrolmentSummary::submittedAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(requests).extracting(ReenrolmentSummary::id).containsExactlyInAnyOrderElementsOf(
                sql(vendor).column("select id from tutti.reenrolment_request where campaign_id = ?", campaign.id())
                        .stream().map(n -> ((Number) n).longValue()).toList());
        ReenrolmentSummary line = requests.stream().filter(r -> r.id() == id[0]).findFirst().orElseThrow();
        assertThat(line.state()).isEqualTo(ReenrolmentState.PENDING);
        assertThat(line.familyIdentifier()).isEqualTo(pupil.identifier());
        assertThat(line.familyName()).isEqualTo(sql(vendor).value("select case civility when 'MME' then 'Mme '"
                + " else 'M. ' end || first_name || ' ' || last_name from tutti.family where id = ?", pupil.familyId()));
        assertThat(line.studentName()).isEqualTo(sql(vendor).value(
                "select first_name || ' ' || last_name from tutti.student where id = ?", pupil.studentId()));

        ReenrolmentDetail detail = staff(vendor).detail(accueil, id[0]);
        assertThat(detail.summary()).isEqualTo(line);
        assertThat(detail.request().choices()).isNotEmpty();
        assertThat(detail.request().documents()).isNotEmpty().allSatisfy(d ->
                assertThat(staff(vendor).documentContent(accueil, d.id())).isEqualTo(png()));

        // MONTFLEURY's front desk sees none of it
        UserSession secretariat = secretariat(vendor);
        assertThat(staff(vendor).requests(secretariat, campaign.id())).isEmpty();
        assertThatThrownBy(() -> staff(vendor).detail(secretariat, id[0]))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
        long document = detail.request().documents().get(0).id();
        assertThatThrownBy(() -> staff(vendor).documentContent(secretariat, document))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void acceptingAndRefusingMailTheFamilyAndTheFamilySeesTheDecisionOnce(DatabaseVendor vendor) {
        long[] accepted = new long[1];
        Pupil first = sentRequest(vendor, accepted);
        long[] refused = new long[1];
        Pupil second = sentRequest(vendor, refused);
        UserSession accueil = accueil(vendor);
        long acceptedMails = mails(vendor, "REENROL_ACCEPTED", first.familyEmail());
        long refusedMails = mails(vendor, "REENROL_REJECTED", second.familyEmail());

        assertThat(staff(vendor).decide(accueil, accepted[0], true, null).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(staff(vendor).decide(accueil, refused[0], false, "Le justificatif est illisible.").outcome())
                .isEqualTo(Outcome.REJECTED);

        assertThat(mails(vendor, "REENROL_ACCEPTED", first.familyEmail())).isEqualTo(acceptedMails + 1);
        assertThat(mails(vendor, "REENROL_REJECTED", second.familyEmail())).isEqualTo(refusedMails + 1);
        SentReenrolment validated = family(vendor).form(login(vendor, first.identifier()), first.studentId())
                .sent().orElseThrow();
        assertThat(validated.state()).isEqualTo(ReenrolmentState.VALIDATED);
        assertThat(validated.decidedAt()).isNotNull();
        SentReenrolment rejected = family(vendor).form(login(vendor, second.identifier()), second.studentId())
                .sent().orElseThrow();
        assertThat(rejected.state()).isEqualTo(ReenrolmentState.REJECTED);
        assertThat(rejected.decisionComment()).isEqualTo("Le justificatif est illisible.");
        assertThat(staff(vendor).detail(accueil, refused[0]).summary().state()).isEqualTo(ReenrolmentState.REJECTED);

        assertThat(staff(vendor).decide(accueil, accepted[0], false, "Trop tard").outcome())
                .isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(family(vendor).form(login(vendor, first.identifier()), first.studentId()).sent().orElseThrow()
                .state()).isEqualTo(ReenrolmentState.VALIDATED);
        assertThat(staff(vendor).decide(secretariat(vendor), refused[0], true, null).outcome())
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(mails(vendor, "REENROL_ACCEPTED", first.familyEmail())).isEqualTo(acceptedMails + 1);
    }

    /** A transaction left open on the request (a family's, IT's) makes the front desk try again, not wait. */
    @ParameterizedTest
    @MethodSource("vendors")
    void aRequestLockedByAnotherTransactionIsBusyAndStaysPending(DatabaseVendor vendor) throws SQLException {
        long[] id = new long[1];
        sentRequest(vendor, id);
        UserSession accueil = accueil(vendor);
        try (Connection other = SeededDatabases.get(vendor).db().dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "update tutti.reenrolment_request set version = version where id = ?")) {
                lock.setLong(1, id[0]);
                assertThat(lock.executeUpdate()).isOne();
            }
            try {
                assertThatThrownBy(() -> staff(vendor).decide(accueil, id[0], true, null))
                        .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));
            } finally {
                other.rollback();
            }
        }
        assertThat(staff(vendor).detail(accueil, id[0]).summary().state()).isEqualTo(ReenrolmentState.PENDING);
        assertThat(staff(vendor).decide(accueil, id[0], true, null).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFrontDeskOpensAndClosesItsCampaignWhichFamiliesSeeByTheDatabasesDate(DatabaseVendor vendor) {
        UserSession secretariat = secretariat(vendor);
        ReenrolmentCampaign before = staff(vendor).campaign(secretariat).orElseThrow();
        assertThat(staff(vendor).targetYears(secretariat)).extracting(y -> y.id()).contains(before.targetYearId());
        LocalDate today = today(vendor);
        UserSession m0001 = login(vendor, "M0001");
        try {
            assertThatThrownBy(() -> staff(vendor).saveCampaign(secretariat, before.targetYearId(), today, today, true))
                    .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DATES));

            ReenrolmentCampaign opened = staff(vendor).saveCampaign(secretariat, before.targetYearId(),
                    today.minusDays(2), today.plusDays(10), true);
            assertThat(opened.id()).isEqualTo(before.id());
            assertThat(opened.status()).isEqualTo("OPEN");
            assertThat(opened.opensOn()).isEqualTo(today.minusDays(2));
            assertThat(staff(vendor).campaign(secretariat)).contains(opened);
            assertThat(family(vendor).openCampaign(m0001)).contains(opened);

            ReenrolmentCampaign later = staff(vendor).saveCampaign(secretariat, before.targetYearId(),
                    today.plusDays(1), today.plusDays(10), true);
            assertThat(later.status()).isEqualTo("OPEN");
            assertThat(family(vendor).openCampaign(m0001)).as("opens tomorrow").isEmpty();

            ReenrolmentCampaign closed = staff(vendor).saveCampaign(secretariat, before.targetYearId(),
                    today.minusDays(2), today.plusDays(10), false);
            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(family(vendor).openCampaign(m0001)).isEmpty();
            long student = firstStudent(vendor, "M0001");
            assertThatThrownBy(() -> family(vendor).form(m0001, student))
                    .isInstanceOfSatisfying(ServiceException.class,
                            e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
            assertThatThrownBy(() -> family(vendor).submit(m0001, new ReenrolmentDraft(student, true, List.of(), null,
                    List.of())))
                    .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CAMPAIGN_CLOSED));
        } finally {
            staff(vendor).saveCampaign(secretariat, before.targetYearId(), before.opensOn(), before.closesOn(),
                    "OPEN".equals(before.status()));
        }
        assertThat(staff(vendor).campaign(secretariat)).contains(before);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void documentTypesAreAddedRenamedAndRemovedWhileNoDocumentUsesThem(DatabaseVendor vendor) {
        UserSession secretariat = secretariat(vendor);
        long campaign = staff(vendor).campaign(secretariat).orElseThrow().id();
        String name = "Certificat médical " + vendor;

        DocumentType added = staff(vendor).addDocumentType(secretariat, campaign, "  " + name + " ", false);
        assertThat(added.name()).isEqualTo(name);
        assertThat(staff(vendor).documentTypes(secretariat, campaign)).contains(added);
        String existing = staff(vendor).documentTypes(secretariat, campaign).stream()
                .filter(t -> t.id() != added.id()).findFirst().orElseThrow().name();
        assertThatThrownBy(() -> staff(vendor).addDocumentType(secretariat, campaign,
                existing.toUpperCase(Locale.ROOT), true))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThatThrownBy(() -> staff(vendor).updateDocumentType(secretariat, added.id(), existing, true))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));

        DocumentType renamed = staff(vendor).updateDocumentType(secretariat, added.id(), name + " (moins de 3 mois)",
                true);
        assertThat(staff(vendor).documentTypes(secretariat, campaign)).contains(renamed).doesNotContain(added);
        assertThat(renamed.required()).isTrue();

        staff(vendor).removeDocumentType(secretariat, added.id());
        assertThat(staff(vendor).documentTypes(secretariat, campaign)).extracting(DocumentType::id)
                .doesNotContain(added.id());

        // BELLERIVE's home proof holds F0002's document: neither renamed nor removed
        UserSession accueil = accueil(vendor);
        long bellerive = staff(vendor).campaign(accueil).orElseThrow().id();
        DocumentType used = staff(vendor).documentTypes(accueil, bellerive).stream().filter(t -> t.uses() > 0)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> staff(vendor).updateDocumentType(accueil, used.id(), used.name() + " récent",
                used.required()))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IN_USE));
        assertThatThrownBy(() -> staff(vendor).removeDocumentType(accueil, used.id()))
                .isInstanceOfSatisfying(ReenrolmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IN_USE));
        assertThat(staff(vendor).documentTypes(accueil, bellerive)).contains(used);
        // and another site's types are not the front desk's
        assertThatThrownBy(() -> staff(vendor).removeDocumentType(secretariat, used.id()))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
    }
}
