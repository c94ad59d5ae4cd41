package org.tutti.client.domain;

/**
 * An imported document as the database holds it (its content is read on demand).
 *
 * @param contentType detected from the content: {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 */
public record StoredDocument(long id, String typeName, String fileName, String contentType, long sizeBytes,
        String sha256) {
}
