package org.tutti.client.ui.common;

import java.util.Objects;
import javafx.print.PageLayout;
import javafx.print.PrintResolution;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.tutti.client.documents.PageRenderer;

/**
 * Imprimer in the PDF viewer, with javafx.print: the system's print dialog, then each page drawn
 * at the printer's resolution (at most 300 dpi) and scaled to the printable area, in the
 * background (JavaFX prints a node that is in no scene from any thread). Without a printer the
 * viewer says so instead. The printer is found through a {@link PrinterLookup}, which a test
 * replaces with {@link #NO_PRINTER} to see that message whatever the machine has.
 */
public final class DocumentPrinting {

    /** Finds the printer job to print with; null when there is no printer. */
    @FunctionalInterface
    public interface PrinterLookup {
        PrinterJob createJob();
    }

    /** The system's default printer, or null when none is installed. */
    public static final PrinterLookup SYSTEM = () -> Printer.getDefaultPrinter() == null ? null
            : PrinterJob.createPrinterJob();

    /** A computer without any printer. */
    public static final PrinterLookup NO_PRINTER = () -> null;

    /** The most a page is drawn at for the printer (an A4 page at 300 dpi is 8.7 million pixels). */
    static final float MAX_DPI = 300;

    private static volatile PrinterLookup lookup = SYSTEM;

    private DocumentPrinting() {
    }

    /** Replaces how the printer is found (tests); returns the previous lookup, to put it back. */
    public static PrinterLookup useLookup(PrinterLookup replacement) {
        PrinterLookup previous = lookup;
        lookup = Objects.requireNonNull(replacement);
        return previous;
    }

    /** Prints the document {@code model} has read: the print dialog first (on the JavaFX thread), then the pages in the background. */
    static void print(DocumentViewerModel model, Window owner) {
        byte[] data = model.content();
        if (data == null || model.workingProperty().get()) {
            return;
        }
        PrinterJob job;
        try {
            job = lookup.createJob();
        } catch (RuntimeException | Error e) {
            // no printing system at all (a headless or stripped-down machine): the same as no printer
            job = null;
        }
        if (job == null || job.getPrinter() == null) {
            model.endWork(I18n.get("viewer.print.noPrinter"), true);
            return;
        }
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return;
        }
        PrinterJob printing = job;
        PageLayout layout = job.getJobSettings().getPageLayout();
        double width = layout.getPrintableWidth();
        double height = layout.getPrintableHeight();
        PrintResolution resolution = job.getJobSettings().getPrintResolution();
        float dpi = resolution == null ? MAX_DPI
                : Math.max(150, Math.min(MAX_DPI, Math.min(resolution.getFeedResolution(), resolution.getCrossFeedResolution())));
        String printer = job.getPrinter().getName();
        BackgroundTasks tasks = model.tasks();
        model.startWork(I18n.get("viewer.print.progress", 1, Math.max(1, model.pageCountProperty().get())));
        tasks.run(() -> {
            try (PageRenderer renderer = PageRenderer.open(data, model.contentType())) {
                int count = renderer.pageCount();
                for (int i = 0; i < count; i++) {
                    int number = i + 1;
                    tasks.onUi(() -> model.progress(I18n.get("viewer.print.progress", number, count)));
                    ImageView page = new ImageView(DocumentViewer.image(renderer.render(i, dpi)));
                    page.setPreserveRatio(true);
                    page.setSmooth(true);
                    page.setFitWidth(width);
                    page.setFitHeight(height);
                    if (!printing.printPage(layout, page)) {
                        throw new IllegalStateException("The printer refused page " + number);
                    }
                }
            }
            if (!printing.endJob()) {
                throw new IllegalStateException("The print job did not end");
            }
            return printer;
        }).onSuccess(name -> model.endWork(I18n.get("viewer.print.done", name), false)).onFailure(failure -> {
            printing.cancelJob();
            model.endWork(I18n.get("viewer.print.failed"), true);
        });
    }
}
