package org.tutti.client.service;

import java.util.List;
import java.util.Optional;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.FamilyRecords.ReenrolmentRecord;
import org.tutti.client.domain.UserSession;

/**
 * The family file's records (staff session of the family's site; issue 16, part "records"): its
 * change requests, re-enrolment requests, mails and history, newest first. A family that is not of
 * the session's site (or none) raises {@link ServiceException} NOT_FOUND; an ended session
 * SESSION_EXPIRED. See server-schema/SQL-API.md, "Front desk — records".
 */
public interface FamilyRecordsService {

    List<ChangeRecord> changeRequests(UserSession staff, long familyId);

    List<ReenrolmentRecord> reenrolments(UserSession staff, long familyId);

    List<MailRecord> mails(UserSession staff, long familyId);

    List<HistoryEntry> history(UserSession staff, long familyId);

    /** The text of one of the family's mails; empty when it carried a secret (a password). */
    Optional<String> mailText(UserSession staff, long mailId);
}
