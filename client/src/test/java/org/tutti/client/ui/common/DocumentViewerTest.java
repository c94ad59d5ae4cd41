package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.documents.SampleDocuments;
import org.tutti.client.ui.French;

/** The PDF viewer as a user drives it: pages and zoom by the keyboard, Enregistrer, Imprimer without a printer. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class DocumentViewerTest extends FxRobot {

    private static final long WAIT_S = 20;
    private static final byte[] PDF = SampleDocuments.pdf(3);

    private final DetailWindows windows = new DetailWindows();
    private BackgroundTasks tasks;
    private Stage owner;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        French.use();
        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        owner = stage;
        stage.setScene(new Scene(new Button("Ouvrir"), 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
        interact(windows::closeAll);
        tasks.shutdown();
    }

    private void open(byte[] content, String type, String fileName) throws Exception {
        interact(() -> DocumentViewer.open(windows, "doc", owner, "Facture BEL-2026-000124", type, () -> content,
                fileName, tasks, null));
        awaitIdle();
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#pdfPage") && image() != null
                && !lookup("#pdfBusy").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    private javafx.scene.image.Image image() {
        return lookup("#pdfPage").queryAs(ImageView.class).getImage();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private void awaitText(String query, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> expected.equals(text(query)));
    }

    private void shortcut(KeyCode key) {
        push(KeyCode.CONTROL, key);
    }

    @Test
    void pagesTurnWithPageUpAndDownAndTheZoomDrawsThePageAgainLargerOrSmaller() throws Exception {
        open(PDF, "application/pdf", null);
        awaitText("#pdfPageCounter", "Page 1 / 3");
        double firstWidth = image().getWidth();
        String fitted = text("#pdfZoom");
        assertThat(fitted).as("as wide as the window, never past 100 %").matches("\\d+\u00A0%");

        clickOn("#pdfPage");
        push(KeyCode.PAGE_DOWN);
        awaitText("#pdfPageCounter", "Page 2 / 3");
        push(KeyCode.PAGE_DOWN);
        awaitText("#pdfPageCounter", "Page 3 / 3");
        push(KeyCode.PAGE_UP);
        awaitText("#pdfPageCounter", "Page 2 / 3");

        // Ctrl+plus: the next step, the page drawn again with more pixels
        shortcut(KeyCode.ADD);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> image().getWidth() > firstWidth
                && !lookup("#pdfBusy").query().isVisible());
        assertThat(text("#pdfZoom")).isNotEqualTo(fitted);
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> "125\u00A0%".equals(text("#pdfZoom"))
                || "110\u00A0%".equals(text("#pdfZoom")) || "150\u00A0%".equals(text("#pdfZoom")));
        awaitIdle();
        double zoomedWidth = image().getWidth();
        assertThat(lookup("#pdfPage").queryAs(ImageView.class).getFitWidth()).as("shown at its zoom")
                .isGreaterThan(firstWidth - 2);
        assertThat(text("#pdfPageCounter")).as("the same page").isEqualTo("Page 2 / 3");

        // Ctrl+minus three times: smaller than the zoomed page
        shortcut(KeyCode.MINUS);
        shortcut(KeyCode.SUBTRACT);
        shortcut(KeyCode.MINUS);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> image().getWidth() < zoomedWidth
                && !lookup("#pdfBusy").query().isVisible());
        // Réduire down to 50 %, then the button waits
        for (int i = 0; i < 12; i++) {
            shortcut(KeyCode.MINUS);
        }
        awaitText("#pdfZoom", "50\u00A0%");
        awaitIdle();
        assertThat(image().getWidth()).as("an A4 page at 50 %").isBetween(390.0, 400.0);
        assertThat(lookup("#pdfZoomOut").query().isDisabled()).isTrue();
        // Ctrl+0: as wide as the window again
        shortcut(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> !"50\u00A0%".equals(text("#pdfZoom")));
        awaitIdle();
        assertThat(image().getWidth()).isGreaterThan(400);
        clickOn("#pdfZoomIn");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> lookup("#pdfZoomIn").tryQuery().isPresent());
    }

    @Test
    void enregistrerWritesTheSameBytesUnderTheProposedNameWithItsExtension() throws Exception {
        open(PDF, "application/pdf", "facture-BEL-2026-000124.pdf");
        System.setProperty(FileChoosers.ANSWER_PROPERTY, folder.resolve("ma facture").toString());
        clickOn("#pdfPage");
        shortcut(KeyCode.S);
        Path saved = folder.resolve("ma facture.pdf");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> Files.exists(saved)
                && text("#pdfStatus").startsWith("Document enregistré"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(PDF);
        assertThat(text("#pdfStatus")).isEqualTo("Document enregistré : " + saved.toAbsolutePath());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").containsExactly(saved);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenGetsAMessageAndNoFile() throws Exception {
        open(PDF, "application/pdf", "facture-BEL-2026-000124.pdf");
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "pas un dossier");
        Path target = notAFolder.resolve("facture.pdf");
        System.setProperty(FileChoosers.ANSWER_PROPERTY, target.toString());
        clickOn("#pdfSave");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> lookup("#pdfStatusError").query().isVisible());
        assertThat(text("#pdfStatusError")).isEqualTo("Le document n’a pas été enregistré : le dossier « "
                + notAFolder.toAbsolutePath() + " » n’existe pas ou n’accepte pas d’écriture. Choisissez un autre dossier.");
        assertThat(Files.exists(target)).isFalse();
        assertThat(text("#pdfStatus")).isEmpty();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(notAFolder);
        }
        assertThat(lookup("#pdfSave").query().isDisabled()).as("the user can try another folder").isFalse();
    }

    @Test
    void imprimerWithoutAnyPrinterSaysSoInTheWindow() throws Exception {
        DocumentPrinting.PrinterLookup previous = DocumentPrinting.useLookup(DocumentPrinting.NO_PRINTER);
        try {
            open(PDF, "application/pdf", null);
            clickOn("#pdfPage");
            shortcut(KeyCode.P);
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> lookup("#pdfStatusError").query().isVisible());
            assertThat(text("#pdfStatusError")).isEqualTo("Aucune imprimante n’est installée sur cet ordinateur. "
                    + "Enregistrez le document pour l’imprimer plus tard.");
            assertThat(exists("#pdfViewer")).as("the document stays open").isTrue();
            clickOn("#pdfPrint");
            assertThat(text("#pdfStatusError")).startsWith("Aucune imprimante");
        } finally {
            DocumentPrinting.useLookup(previous);
        }
    }

    @Test
    void anImageZoomsAndIsSavedWithItsOwnExtension() throws Exception {
        byte[] png = SampleDocuments.png(300, 200);
        open(png, "image/png", null);
        ImageView page = lookup("#pdfPage").queryAs(ImageView.class);
        assertThat(page.getImage().getWidth()).isEqualTo(300);
        double before = page.getFitWidth();
        assertThat(before).isBetween(1.0, 300.0);
        clickOn("#pdfZoomIn");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> page.getFitWidth() > before);

        System.setProperty(FileChoosers.ANSWER_PROPERTY, folder.resolve("scan").toString());
        clickOn("#pdfSave");
        Path saved = folder.resolve("scan.png");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> Files.exists(saved));
        assertThat(Files.readAllBytes(saved)).isEqualTo(png);
    }
}
