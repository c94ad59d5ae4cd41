package org.tutti.client.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.documents.DocumentRefusedException.Reason;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.DocumentTexts;

/**
 * The checks of a file a family imports, on real files: by content, never by name, with the
 * French reason the import dialog shows.
 */
class DocumentInspectorTest {

    private static final long LIMIT = 2L * 1024 * 1024;

    @TempDir
    Path folder;

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void aPngAJpegAndAPdfAreAcceptedWithTheTypeTheirContentShows() throws Exception {
        CheckedDocument png = DocumentInspector.inspect(SampleFiles.png(folder, "carte.png"), LIMIT);
        CheckedDocument jpeg = DocumentInspector.inspect(SampleFiles.jpeg(folder, "photo.jpg"), LIMIT);
        CheckedDocument pdf = DocumentInspector.inspect(SampleFiles.pdf(folder, "justificatif.pdf"), LIMIT);

        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.fileName()).isEqualTo("carte.png");
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.size()).isEqualTo(Files.size(folder.resolve("justificatif.pdf")));
        assertThat(pdf.content()).isEqualTo(Files.readAllBytes(folder.resolve("justificatif.pdf")));
    }

    @Test
    void theNameIsNeverTrusted() throws Exception {
        Path png = SampleFiles.png(folder, "image.png");
        Path namedPdf = Files.move(png, folder.resolve("releve.pdf"));

        assertThat(DocumentInspector.inspect(namedPdf, LIMIT).contentType()).isEqualTo("image/png");
        assertRefused(SampleFiles.textNamedPng(folder, "attestation.png"), Reason.UNSUPPORTED,
                "Ce fichier n’est ni une image JPEG ou PNG, ni un PDF.");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused(SampleFiles.empty(folder, "vide.pdf"), Reason.EMPTY, "Le fichier est vide.");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithBothSizes() {
        assertRefused(SampleFiles.large(folder, "scan.png", 3L * 1024 * 1024), Reason.TOO_LARGE,
                "Le fichier dépasse la taille maximale de 2 Mo (3 Mo).");
        assertRefused(SampleFiles.large(folder, "juste.png", LIMIT + 1), Reason.TOO_LARGE,
                "Le fichier dépasse la taille maximale de 2 Mo (2,1 Mo).");
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead() {
        // 2 GB (sparse): reading it would take the heap; the size is checked first
        Path huge = SampleFiles.large(folder, "film.png", 2L * 1024 * 1024 * 1024);

        assertRefused(huge, Reason.TOO_LARGE, "Le fichier dépasse la taille maximale de 2 Mo (2 Go).");
    }

    @Test
    void aTruncatedPdfIsRefused() {
        assertRefused(SampleFiles.truncatedPdf(folder, "coupe.pdf"), Reason.BROKEN_PDF,
                "Ce PDF est endommagé ou incomplet.");
    }

    @Test
    void aPdfThatStartsRightButIsNotOneIsRefused() throws Exception {
        Path fake = Files.writeString(folder.resolve("faux.pdf"), "%PDF-1.7\nrien\n%%EOF\n");

        assertRefused(fake, Reason.BROKEN_PDF, "Ce PDF est endommagé ou incomplet.");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() {
        DocumentRefusedException refusal = assertRefused(SampleFiles.encryptedPdf(folder, "protege.pdf"),
                Reason.ENCRYPTED_PDF, null);

        assertThat(DocumentTexts.refusal(refusal)).startsWith("Ce PDF est protégé par un mot de passe : ");
    }

    @Test
    void aBrokenImageIsRefused() throws Exception {
        byte[] png = Files.readAllBytes(SampleFiles.png(folder, "ok.png"));
        Path cut = Files.write(folder.resolve("coupee.png"), java.util.Arrays.copyOf(png, 40));

        assertRefused(cut, Reason.BROKEN_IMAGE, "Cette image est endommagée ou incomplète.");
    }

    @Test
    void aMissingFileAFolderAndNothingTypedAreRefusedInWords() {
        Path missing = folder.resolve("absent.pdf");

        assertRefused(missing, Reason.NOT_FOUND, "Fichier introuvable : " + missing);
        assertRefused(folder, Reason.DIRECTORY, "« " + folder.getFileName() + " » est un dossier : choisissez un fichier.");
        DocumentRefusedException blank = catchThrowableOfType(DocumentRefusedException.class,
                () -> DocumentInspector.inspect("  ", LIMIT));
        assertThat(DocumentTexts.refusal(blank))
                .isEqualTo("Indiquez le fichier à importer : cliquez sur Parcourir ou saisissez son chemin.");
    }

    @Test
    void aTypedPathMayBeQuotedAsFileManagersCopyIt() throws Exception {
        Path pdf = SampleFiles.pdf(folder, "avec espace.pdf");

        assertThat(DocumentInspector.inspect(" \"" + pdf + "\" ", LIMIT).fileName()).isEqualTo("avec espace.pdf");
    }

    @Test
    void aVeryLongNameIsShortenedKeepingItsExtension() {
        String name = "a".repeat(300) + ".pdf";

        String kept = DocumentInspector.fileName(Path.of(name));

        assertThat(kept).hasSize(DocumentInspector.MAX_NAME_LENGTH).endsWith(".pdf");
    }

    private DocumentRefusedException assertRefused(Path file, Reason reason, String message) {
        DocumentRefusedException refusal = catchThrowableOfType(DocumentRefusedException.class,
                () -> DocumentInspector.inspect(file, LIMIT));
        assertThat(refusal).as(file.getFileName() + " refused").isNotNull();
        assertThat(refusal.reason()).isEqualTo(reason);
        if (message != null) {
            assertThat(DocumentTexts.refusal(refusal)).isEqualTo(message);
        }
        return refusal;
    }
}
