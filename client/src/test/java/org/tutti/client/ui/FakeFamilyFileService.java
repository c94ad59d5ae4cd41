package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.FamilyFileHeader;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;

/** A family file in memory: submitted changes become pending values, as the database does. */
public final class FakeFamilyFileService implements FamilyFileService {

    public final Map<String, String> family = new LinkedHashMap<>();
    public final Map<String, String> familyPending = new HashMap<>();
    public final Map<Long, Map<String, String>> students = new LinkedHashMap<>();
    public final Map<Long, Map<String, String>> studentPending = new HashMap<>();
    public final List<Map<String, String>> submitted = new ArrayList<>();
    public RuntimeException submitFailure;
    public RuntimeException loadFailure;

    public FakeFamilyFileService() {
        family.put("civility", "MME");
        family.put("last_name", "Martin");
        family.put("first_name", "Claire");
        family.put("address1", "12 rue des Lilas");
        family.put("address2", null);
        family.put("postal_code", "69000");
        family.put("city", "Bellerive");
        family.put("country", "France");
        family.put("phone_home", null);
        family.put("phone_mobile", "0612345678");
        family.put("phone_work", null);
        family.put("email", "claire.martin@example.fr");
        Map<String, String> lea = new LinkedHashMap<>();
        lea.put("last_name", "Martin");
        lea.put("first_name", "Léa");
        lea.put("sex", "F");
        lea.put("birth_date", "2015-03-12");
        lea.put("email", null);
        lea.put("phone_mobile", null);
        lea.put("school_level", "CM2");
        students.put(21L, lea);
    }

    @Override
    public FamilyFile loadFamily(UserSession user) {
        if (loadFailure != null) {
            throw loadFailure;
        }
        return new FamilyFile(10, new FieldValues(family, familyPending));
    }

    @Override
    public List<StudentIdentity> students(UserSession user) {
        if (loadFailure != null) {
            throw loadFailure;
        }
        return students.keySet().stream().map(id -> loadStudent(user, id)).toList();
    }

    @Override
    public StudentIdentity loadStudent(UserSession user, long id) {
        Map<String, String> s = students.get(id);
        return new StudentIdentity(id, s.get("first_name"), s.get("last_name"),
                new FieldValues(s, studentPending.getOrDefault(id, Map.of())));
    }

    public final List<Map<String, Long>> shown = new ArrayList<>();
    public final List<Long> acknowledged = new ArrayList<>();

    @Override
    public void acknowledge(UserSession user, long requestId) {
        acknowledged.add(requestId);
    }

    @Override
    public int submit(UserSession user, Target target, long id, Map<String, String> changes,
            Map<String, Long> shownPending) {
        if (submitFailure != null) {
            throw submitFailure;
        }
        submitted.add(new LinkedHashMap<>(changes));
        shown.add(shownPending == null ? null : new LinkedHashMap<>(shownPending));
        if (target == Target.FAMILY) {
            familyPending.putAll(changes);
        } else {
            studentPending.computeIfAbsent(id, k -> new HashMap<>()).putAll(changes);
        }
        return changes.size();
    }

    /** The front desk's edits, applied at once (the pending values of those fields go, as the database supersedes them). */
    public final List<Map<String, String>> edited = new ArrayList<>();

    @Override
    public int edit(UserSession viewing, Target target, long id, Map<String, String> changes) {
        if (submitFailure != null) {
            throw submitFailure;
        }
        edited.add(new LinkedHashMap<>(changes));
        Map<String, String> row = target == Target.FAMILY ? family : students.get(id);
        Map<String, String> pending = target == Target.FAMILY ? familyPending
                : studentPending.computeIfAbsent(id, k -> new HashMap<>());
        int changed = 0;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!java.util.Objects.equals(row.get(change.getKey()), change.getValue())) {
                row.put(change.getKey(), change.getValue());
                pending.remove(change.getKey());
                changed++;
            }
        }
        return changed;
    }

    @Override
    public FamilyFileHeader header(UserSession viewing) {
        return new FamilyFileHeader(10, "F0001", family.get("civility"), family.get("first_name"),
                family.get("last_name"), family.get("email"), family.get("phone_mobile"),
                FamilyFileHeader.AccountState.ACTIVE);
    }
}
