package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.documents.SampleDocuments;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.French;

/** The document viewer's pages and messages, without a toolkit (the work runs at once). */
class DocumentViewerModelTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    private static DocumentViewerModel viewer(java.util.concurrent.Callable<byte[]> content, String type) {
        DocumentViewerModel model = new DocumentViewerModel(content, type, BackgroundTasks.sameThread());
        model.load(96);
        return model;
    }

    @Test
    void aPdfIsTurnedPageByPageWithinItsPages() {
        DocumentViewerModel model = viewer(() -> SampleDocuments.pdf(3), "application/pdf");
        assertThat(model.pdfProperty().get()).isTrue();
        assertThat(model.pageTextProperty().get()).isEqualTo("Page 1 / 3");
        assertThat(model.pageProperty().get().width()).isEqualTo(793);
        model.previous();
        assertThat(model.pageTextProperty().get()).as("nothing before the first page").isEqualTo("Page 1 / 3");
        model.next();
        model.next();
        assertThat(model.pageTextProperty().get()).isEqualTo("Page 3 / 3");
        model.next();
        assertThat(model.pageIndexProperty().get()).as("nothing after the last page").isEqualTo(2);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        model.close();
        model.previous();
        assertThat(model.pageIndexProperty().get()).as("closed: nothing drawn any more").isEqualTo(2);
    }

    @Test
    void anImageIsOnePage() {
        DocumentViewerModel model = viewer(() -> SampleDocuments.png(30, 20), "image/png");
        assertThat(model.pdfProperty().get()).isFalse();
        assertThat(model.pageCountProperty().get()).isEqualTo(1);
        assertThat(model.pageProperty().get().height()).isEqualTo(20);
    }

    @Test
    void aBrokenDocumentOrAFailedReadIsSaidInFrench() {
        DocumentViewerModel broken = viewer(() -> "pas un PDF".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertThat(broken.errorProperty().get()).startsWith("Ce document ne peut pas être affiché");
        assertThat(broken.pageProperty().get()).isNull();
        assertThat(broken.busyProperty().get()).isFalse();

        AtomicInteger reads = new AtomicInteger();
        DocumentViewerModel unreachable = viewer(() -> {
            reads.incrementAndGet();
            throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        }, "image/png");
        assertThat(reads).hasValue(1);
        assertThat(unreachable.errorProperty().get()).startsWith("La base de données est injoignable");
    }

    @Test
    void theZoomDrawsAPdfPageAgainAtItsResolutionWithinFiftyAndThreeHundredPercent() {
        DocumentViewerModel model = viewer(() -> SampleDocuments.pdf(2), "application/pdf");
        assertThat(model.zoomTextProperty().get()).isEqualTo("100\u00A0%");
        model.next();
        model.zoomIn();
        assertThat(model.zoomTextProperty().get()).isEqualTo("110\u00A0%");
        assertThat(model.pageProperty().get().width()).as("A4 at 105.6 dpi").isBetween(871, 874);
        assertThat(model.pageTextProperty().get()).as("the same page").isEqualTo("Page 2 / 2");
        assertThat(model.naturalWidth()).isCloseTo(793, org.assertj.core.data.Offset.offset(1.0));
        for (int i = 0; i < 20; i++) {
            model.zoomIn();
        }
        assertThat(model.zoomTextProperty().get()).isEqualTo("300\u00A0%");
        assertThat(model.pageProperty().get().width()).isBetween(2379, 2383);
        for (int i = 0; i < 20; i++) {
            model.zoomOut();
        }
        assertThat(model.zoomTextProperty().get()).isEqualTo("50\u00A0%");
        assertThat(model.pageProperty().get().width()).isBetween(395, 398);
        // as wide as 600 pixels
        model.fit(600, 0, 3);
        assertThat(model.zoomTextProperty().get()).isEqualTo("76\u00A0%");
        assertThat(model.pageProperty().get().width()).isBetween(599, 601);
    }

    @Test
    void anImageZoomsWithoutBeingDrawnAgainAndFitsWhole() {
        DocumentViewerModel model = viewer(() -> SampleDocuments.png(300, 200), "image/png");
        model.fit(150, 400, 1);
        assertThat(model.zoomProperty().get()).isEqualTo(0.5);
        model.fit(1000, 1000, 1);
        assertThat(model.zoomProperty().get()).as("never enlarged past its size at first").isEqualTo(1.0);
        model.zoomIn();
        assertThat(model.zoomProperty().get()).isEqualTo(1.1);
        assertThat(model.pageProperty().get().width()).isEqualTo(300);
    }

    @Test
    void enregistrerProposesTheCallersNameElseTheTitleWithTheDocumentsExtension() {
        DocumentViewerModel named = new DocumentViewerModel(() -> SampleDocuments.pdf(1), "application/pdf",
                "facture-BEL-2026-000124.pdf", "Facture", BackgroundTasks.sameThread());
        named.load(96);
        assertThat(named.suggestedName()).isEqualTo("facture-BEL-2026-000124.pdf");
        DocumentViewerModel image = new DocumentViewerModel(() -> SampleDocuments.jpeg(4, 4), null, null,
                "Avis d’imposition : 2025/2026", BackgroundTasks.sameThread());
        image.load(96);
        assertThat(image.suggestedName()).isEqualTo("Avis d’imposition _ 2025_2026.jpg");
        assertThat(image.extension()).isEqualTo(".jpg");
    }

    @Test
    void savingWritesTheBytesReadOrSaysWhyNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        byte[] pdf = SampleDocuments.pdf(2);
        DocumentViewerModel model = viewer(() -> pdf, "application/pdf");
        model.save(folder.resolve("copie.PDF"));
        assertThat(java.nio.file.Files.readAllBytes(folder.resolve("copie.PDF"))).isEqualTo(pdf);
        assertThat(model.messageProperty().get()).startsWith("Document enregistré : ");
        assertThat(model.workingProperty().get()).isFalse();

        model.save(folder.resolve("absent").resolve("copie"));
        assertThat(model.messageErrorProperty().get()).startsWith("Le document n’a pas été enregistré : le dossier « ");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(folder.resolve("absent")).doesNotExist();
    }
}
