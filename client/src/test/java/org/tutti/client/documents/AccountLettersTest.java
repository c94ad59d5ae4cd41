package org.tutti.client.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.AccountLetter;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.Letterhead;

/** The access letter's PDF as a family reads it, and as a window envelope shows it. */
class AccountLettersTest {

    private static final Letterhead SITE = new Letterhead("Conservatoire de Bellerive",
            List.of("4 place de l’Orangerie", "74000 Bellerive"), "04 50 00 00 00", "accueil@bellerive.example");
    private static final Addressee FAMILY = new Addressee("Mme Hélène FRANÇOIS-LEFÈVRE",
            List.of("12 rue des Érables", "Bâtiment C", "69001 Lyon"), "F1201");

    private static AccountLetter letter(byte[] logo) {
        return new AccountLetter(SITE, logo, "Bellerive", FAMILY, "MME", "F1201", "Hk7mPq2wXz9R",
                LocalDate.of(2026, 12, 6));
    }

    /** The text inside a rectangle given in millimetres from the page's top-left corner. */
    private static String textIn(byte[] pdf, float left, float top, float width, float height) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("r", new Rectangle2D.Float(left * AccountLetters.MM, top * AccountLetters.MM,
                    width * AccountLetters.MM, height * AccountLetters.MM));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("r");
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theAddressBlockShowsThroughTheEnvelopesWindowAndNothingElseDoes() throws IOException {
        byte[] pdf = AccountLetters.letter(letter(null));

        // La Poste's DL window, 100 × 45 mm, as the folded A4 places it
        String window = textIn(pdf, 105, 47, 100, 50);
        assertThat(window.strip().lines().map(String::strip).toList()).containsExactly("Mme Hélène FRANÇOIS-LEFÈVRE",
                "12 rue des Érables", "Bâtiment C", "69001 Lyon");
        float[] block = AccountLetters.WINDOW;
        assertThat(textIn(pdf, block[0], block[1], block[2], block[3])).contains("FRANÇOIS-LEFÈVRE", "69001 Lyon");
    }

    @Test
    void theLetterHoldsTheLetterheadTheIdentifierThePasswordAndHowToLogIn() throws IOException {
        byte[] pdf = AccountLetters.letter(letter(null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
        }
        assertThat(textIn(pdf, 15, 10, 90, 35)).contains("Conservatoire de Bellerive", "4 place de l’Orangerie",
                "74000 Bellerive", "Tél. : 04 50 00 00 00");
        assertThat(text(pdf)).contains("Bellerive, le 6 décembre 2026", "Objet : votre compte Tutti", "Madame,",
                "Identifiant F1201", "Mot de passe Hk7mPq2wXz9R",
                "Installez Tutti sur votre ordinateur",
                "choisissez « Conservatoire de Bellerive » dans la fenêtre de connexion",
                "« Mot de passe »", "L’accueil — Conservatoire de Bellerive");
    }

    @Test
    void aLogoIsPrintedAboveTheLetterheadAndABrokenOneIsLeftOut() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png);

        byte[] withLogo = AccountLetters.letter(letter(png.toByteArray()));
        byte[] broken = AccountLetters.letter(letter(new byte[] {1, 2, 3}));

        try (PDDocument document = Loader.loadPDF(withLogo)) {
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
        assertThat(text(withLogo)).contains("Conservatoire de Bellerive");
        assertThat(text(broken)).contains("Conservatoire de Bellerive", "F1201");
    }
}
