package org.tutti.client.domain;

/**
 * A file the family imported, checked by content on its computer, not yet sent.
 *
 * @param contentType detected from the content (never from the name)
 */
public record NewDocument(long documentTypeId, String fileName, String contentType, byte[] content) {
}
