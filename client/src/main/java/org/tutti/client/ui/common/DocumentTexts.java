package org.tutti.client.ui.common;

import java.nio.file.Path;
import org.tutti.client.documents.DocumentInspector;
import org.tutti.client.documents.DocumentRefusedException;

/** What the user reads about an imported document: why it was refused, what format it is. */
public final class DocumentTexts {

    private DocumentTexts() {
    }

    /** Why the file was refused, in words, naming the file where it helps. */
    public static String refusal(DocumentRefusedException refusal) {
        Path path = refusal.path();
        String name = path == null ? "" : String.valueOf(path.getFileName() == null ? path : path.getFileName());
        return switch (refusal.reason()) {
            case NOT_FOUND -> path == null || path.toString().isBlank() ? I18n.get("document.error.noPath")
                    : I18n.get("document.error.notFound", path.toString());
            case DIRECTORY -> I18n.get("document.error.directory", name);
            case UNREADABLE -> I18n.get("document.error.unreadable", name);
            case EMPTY -> I18n.get("document.error.empty");
            case TOO_LARGE -> I18n.get("document.error.tooLarge", Formats.size(refusal.limit()),
                    Formats.sizeRoundedUp(refusal.size()));
            case UNSUPPORTED -> I18n.get("document.error.unsupported");
            case BROKEN_IMAGE -> I18n.get("document.error.brokenImage");
            case BROKEN_PDF -> I18n.get("document.error.brokenPdf");
            case ENCRYPTED_PDF -> I18n.get("document.error.encryptedPdf");
        };
    }

    /** "PDF", "PNG", "JPEG" for a detected content type; the type itself otherwise. */
    public static String format(String contentType) {
        if (contentType == null) {
            return "";
        }
        return switch (contentType) {
            case DocumentInspector.PDF -> "PDF";
            case DocumentInspector.PNG -> "PNG";
            case DocumentInspector.JPEG -> "JPEG";
            default -> contentType;
        };
    }
}
