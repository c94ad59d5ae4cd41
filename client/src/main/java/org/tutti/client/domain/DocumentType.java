package org.tutti.client.domain;

/**
 * A document the school asks for in a campaign.
 *
 * @param uses how many imported documents are of this type (staff: renamed or removed only at 0)
 */
public record DocumentType(long id, String name, boolean required, long uses) {
}
