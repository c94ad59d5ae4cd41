package org.tutti.client.documents;

/**
 * A file that passed {@link DocumentInspector}: its name (without folder), the type its content
 * showed, and the bytes read, which are what is sent (never read again from the disk).
 *
 * @param contentType {@link DocumentInspector#JPEG}, {@link DocumentInspector#PNG} or {@link DocumentInspector#PDF}
 */
public record CheckedDocument(String fileName, String contentType, byte[] content) {

    /** The size in bytes. */
    public long size() {
        return content.length;
    }
}
