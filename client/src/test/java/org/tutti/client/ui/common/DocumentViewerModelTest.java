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
}
