package org.tutti.client.domain;

import java.math.BigDecimal;

/** One student's evaluation to record: a mark out of 20 or a mention (or both), an appreciation (may be null). */
public record EvaluationEntry(long enrolmentId, BigDecimal mark, String mention, String appreciation) {
}
