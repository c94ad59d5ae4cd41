package org.tutti.client.domain.model;

import jakarta.persistence.AttributeConverter;
import java.util.Optional;

/**
 * The content types an uploaded document may have, stored as their MIME type (the column's
 * CHECK constraint lists exactly these three).
 */
public enum DocumentContentType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    PDF("application/pdf");

    private final String mimeType;

    DocumentContentType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    public static Optional<DocumentContentType> fromMimeType(String mimeType) {
        for (DocumentContentType type : values()) {
            if (type.mimeType.equals(mimeType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Stores the MIME type in the {@code content_type} column. */
    @jakarta.persistence.Converter
    public static final class Converter implements AttributeConverter<DocumentContentType, String> {
        @Override
        public String convertToDatabaseColumn(DocumentContentType attribute) {
            return attribute == null ? null : attribute.mimeType;
        }

        @Override
        public DocumentContentType convertToEntityAttribute(String dbData) {
            if (dbData == null) {
                return null;
            }
            return fromMimeType(dbData)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown document content type: " + dbData));
        }
    }
}
