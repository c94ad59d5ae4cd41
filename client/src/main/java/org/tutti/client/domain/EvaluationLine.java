package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.tutti.client.domain.model.EvaluationKind;

/** One evaluation of a course sheet. {@code mark} (out of 20) or {@code mention} may be null, not both. */
public record EvaluationLine(
        long id,
        LocalDate date,
        EvaluationKind kind,
        BigDecimal mark,
        String mention,
        String teacher,
        String appreciation) {
}
