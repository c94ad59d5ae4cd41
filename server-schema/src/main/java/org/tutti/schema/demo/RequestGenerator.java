package org.tutti.schema.demo;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.tutti.schema.h2.FieldLabels;

/**
 * Requests families have submitted: re-enrolments for next year (with their choices and, for the
 * demo family F0002, uploaded documents) and changes to their file waiting for the front desk.
 */
final class RequestGenerator {

    private static final List<String> REENROLMENT_COMMENTS = List.of(
            "Souhaiterait garder le même professeur l'an prochain.",
            "Un créneau le mercredi après-midi nous arrangerait beaucoup, si possible.",
            "Nous déménageons en juillet mais restons dans la commune.",
            "Aimerait rejoindre l'orchestre l'année prochaine.",
            "Merci pour cette belle année !");

    private final DemoTables tables;
    private final DemoRandom random;
    private final FrenchNames names;
    private final ActivityGenerator activity;

    RequestGenerator(DemoTables tables, DemoRandom random, FrenchNames names, ActivityGenerator activity) {
        this.tables = tables;
        this.random = random;
        this.names = names;
        this.activity = activity;
    }

    /** Why the front desk refused a request (the family reads it in its mail and in the Réinscription tab). */
    private static final List<String> REJECTION_COMMENTS = List.of(
            "Le justificatif de domicile est illisible : merci de le renvoyer ou de passer à l'accueil.",
            "Le justificatif de domicile date de plus de trois mois.",
            "Ce cours ne sera plus proposé l'an prochain : merci de contacter l'accueil pour choisir un autre créneau.");

    /**
     * Requests of open campaigns so far: of every four, the second is validated and the fourth refused; every
     * second pending one has documents.
     */
    private int requestsAtOpenSites;
    private int pendingAtOpenSites;

    /**
     * Requests for next year: F0002's first student always (pending, with documents), others at random. At a
     * site whose campaign is open, requests are pending (every second one with a PNG and a PDF), validated or
     * refused with a comment, in turn, so that the front desk has some of each; the random draws are the same
     * whatever the state, so the rest of the school does not change with it.
     */
    void writeReenrolmentRequests(DemoSite site, String identifier, List<PlannedStudent> students, long accountId)
            throws SQLException {
        boolean open = "OPEN".equals(site.campaignStatus);
        for (int i = 0; i < students.size(); i++) {
            PlannedStudent student = students.get(i);
            boolean forced = identifier.equals(FamilyGenerator.DEMO_FAMILY_REENROLLING) && i == 0;
            if (!forced && !random.chance(open ? 0.04 : 0.3)) {
                continue;
            }
            OffsetDateTime submittedAt = DemoCalendar.at(random.dateBetween(site.campaignOpensOn,
                    open ? DemoCalendar.TODAY.minusDays(1) : site.campaignClosesOn.minusDays(1)),
                    random.between(8, 22), random.between(0, 59));
            String status;
            if (forced) {
                status = "PENDING";
            } else if (open) {
                random.chance(0.75); // the draw of the former rule, kept so that what follows is unchanged
                status = switch (requestsAtOpenSites++ % 4) {
                    case 1 -> "VALIDATED";
                    case 3 -> "REJECTED";
                    default -> "PENDING";
                };
            } else {
                status = random.chance(0.85) ? "VALIDATED" : "REJECTED";
            }
            OffsetDateTime decidedAt = null;
            Long decidedBy = null;
            String decisionComment = null;
            if (!"PENDING".equals(status)) {
                decidedAt = submittedAt.plusDays(random.between(1, 8));
                if (decidedAt.toLocalDate().isAfter(DemoCalendar.TODAY.minusDays(1))) {
                    decidedAt = DemoCalendar.at(DemoCalendar.TODAY.minusDays(1), 17, 30);
                }
                decidedBy = site.deskAccountId;
                if ("REJECTED".equals(status)) {
                    decisionComment = REJECTION_COMMENTS.get((int) (student.id % REJECTION_COMMENTS.size()));
                }
            }
            String comment = random.chance(0.3) ? random.pick(REENROLMENT_COMMENTS) : null;
            // administrative re-enrolment or the courses continued, never both (as submit_reenrolment requires)
            boolean administrative = !forced && random.chance(0.85);
            long requestId = tables.reenrolmentRequest.insert(site.campaignId, student.id, administrative,
                    comment, status, accountId, submittedAt, decidedBy, decidedAt, decisionComment);
            if (!administrative) {
                writeChoices(student, requestId);
            }
            boolean withDocuments = forced || open && "PENDING".equals(status) && pendingAtOpenSites++ % 2 == 0;
            if (withDocuments) {
                writeDocuments(site, requestId, submittedAt.minusMinutes(3));
            }
        }
    }

    /** One choice per course the student follows this year, labelled as submit_reenrolment does (FieldLabels.courseChoice). */
    private void writeChoices(PlannedStudent student, long requestId) throws SQLException {
        for (var entry : new Object[][] {
                {student.currentInstrumentEnrolment, student.currentInstrumentCourse},
                {student.currentFormationMusicaleEnrolment, student.currentFormationMusicaleCourse}}) {
            long enrolmentId = (Long) entry[0];
            DemoSite.Course course = (DemoSite.Course) entry[1];
            if (enrolmentId != 0 && course != null) {
                tables.reenrolmentChoice.insert(requestId, course.disciplineId(), enrolmentId,
                        FieldLabels.courseChoice(course.discipline(), course.classLabel()));
            }
        }
    }

    private void writeDocuments(DemoSite site, long requestId, OffsetDateTime uploadedAt) throws SQLException {
        byte[] png = SampleDocuments.png();
        tables.uploadedDocument.insert(requestId, site.documentTypeIds.get("Justificatif de domicile"),
                "justificatif-domicile.png", "image/png", png.length, SampleDocuments.sha256Hex(png), png, uploadedAt);
        byte[] pdf = SampleDocuments.pdf("Attestation d'assurance responsabilité civile 2026-2027 (document de démonstration)");
        tables.uploadedDocument.insert(requestId, site.documentTypeIds.get("Attestation d'assurance"),
                "attestation-assurance.pdf", "application/pdf", pdf.length, SampleDocuments.sha256Hex(pdf), pdf,
                uploadedAt.plusMinutes(1));
    }

    /** Pending changes to the family's file, field by field (names are the columns of family and student). */
    void writeChangeRequests(DemoSite site, long familyId, long accountId, String displayName, String email,
                             String phoneMobile, String phoneHome, String address1, List<PlannedStudent> students)
            throws SQLException {
        OffsetDateTime submittedAt = DemoCalendar.at(DemoCalendar.TODAY.minusDays(random.between(1, 12)),
                random.between(8, 22), random.between(0, 59));
        int fields = 0;
        int wanted = random.between(1, 3);
        String[] candidates = {"phone_mobile", "email", "address1", "phone_home"};
        int start = random.between(0, candidates.length - 1);
        for (int i = 0; i < wanted; i++) {
            String field = candidates[(start + i) % candidates.length];
            String oldValue = switch (field) {
                case "phone_mobile" -> phoneMobile;
                case "email" -> email;
                case "address1" -> address1;
                default -> phoneHome;
            };
            String newValue = switch (field) {
                case "phone_mobile" -> Phones.mobile(random);
                case "email" -> email.replace("@", random.between(1, 99) + "@");
                case "address1" -> random.between(1, 90) + " " + random.pick(names.streets);
                default -> Phones.landline(random, false);
            };
            tables.changeRequest.insert(familyId, "FAMILY", familyId, field, oldValue, newValue, 0L, "PENDING",
                    accountId, submittedAt, null, null, null);
            fields++;
        }
        PlannedStudent teenager = students.stream().filter(s -> s.age >= 12 && !s.adult).findFirst().orElse(null);
        if (teenager != null && random.chance(0.5)) {
            tables.changeRequest.insert(familyId, "STUDENT", teenager.id, "phone_mobile", teenager.mobile,
                    Phones.mobile(random), 0L, "PENDING", accountId, submittedAt, null, null, null);
            fields++;
        }
        if (random.chance(0.3)) {
            OffsetDateTime earlier = submittedAt.minusDays(random.between(20, 40));
            tables.changeRequest.insert(familyId, "FAMILY", familyId, "address1", address1,
                    random.between(1, 90) + " " + random.pick(names.streets), 0L, "REJECTED", accountId, earlier,
                    site.deskAccountId, earlier.plusDays(2),
                    "Merci de joindre un justificatif de domicile ou de passer à l'accueil.");
        }
        activity.changeRequestAcknowledged(site, email, displayName, fields, submittedAt);
    }
}
