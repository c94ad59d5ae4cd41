/**
 * Kinds and statuses that screens show (a course's kind, an enrolment's status, an evaluation's
 * and an event's kind). The entities map their columns with them, and their constants are the
 * values of the columns' CHECK constraints (EnumConstraintsTest). The entities themselves are in
 * {@code org.tutti.client.data.entity}.
 */
package org.tutti.client.domain.model;
