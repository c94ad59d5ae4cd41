package org.tutti.client.domain;

/** A request as the front desk reviews it: who sent it, and what was sent. */
public record ReenrolmentDetail(ReenrolmentSummary summary, SentReenrolment request) {
}
