package org.tutti.client.domain;

import java.time.LocalDate;
import org.tutti.client.domain.model.EventKind;

/**
 * A student's part in a musical event (Élèves › Répertoire), with the event itself so the
 * detail window needs no second query. {@code comment} may be null.
 */
public record RepertoireLine(
        long participationId,
        long eventId,
        String repertoire,
        String eventTitle,
        LocalDate date,
        String place,
        EventKind kind,
        String piece,
        String composer,
        int durationSeconds,
        String comment) {
}
