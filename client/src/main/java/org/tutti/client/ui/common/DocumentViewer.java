package org.tutti.client.ui.common;

import java.util.concurrent.Callable;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.tutti.client.documents.PageRenderer.Page;

/**
 * The PDF viewer: a window showing a document given as bytes, a content type and a title (an
 * invoice or receipt, an imported JPEG, PNG or PDF). A PDF page by page, drawn at the screen's
 * resolution times the zoom (drawn again when the zoom changes), first as wide as the window
 * (never enlarged past 100 %); an image scaled to fit the window at most its size, then zoomed.
 * "Page 1 / 3", Page précédente / Page suivante (Page Up / Page Down), Réduire / Agrandir
 * (Ctrl+moins / Ctrl+plus, Ctrl+= and the numpad too), "100 %", Pleine largeur (Ctrl+0),
 * Imprimer (Ctrl+P, {@link DocumentPrinting}), Enregistrer (Ctrl+S, {@link FileChoosers}). Reading,
 * drawing, saving and printing run in the background behind a progress indicator or a progress
 * text; a document that cannot be shown, saved or printed says so in the window. Escape closes
 * it ({@link DetailWindows}) and the opener gets the focus back. Ids (src-docs/ui-contract.md):
 * root {@code pdfViewer}; {@code pdfPage}, {@code pdfPageCounter}, {@code pdfPreviousPage},
 * {@code pdfNextPage}, {@code pdfZoomOut}, {@code pdfZoom}, {@code pdfZoomIn}, {@code pdfFitWidth},
 * {@code pdfPrint}, {@code pdfSave}, {@code pdfClose}, {@code pdfBusy}, {@code pdfError},
 * {@code pdfStatus} (progress, saved), {@code pdfStatusError} (no printer, not saved).
 */
public final class DocumentViewer {

    private final DocumentViewerModel model;
    private final BorderPane root;
    private final ImageView page = new ImageView();
    private final ScrollPane scroller;
    private final StackPane holder;
    /** True once the first page was fitted to the window. */
    private boolean fitted;
    /** The page index shown: a page drawn again at another zoom keeps its scroll position. */
    private int shownIndex = -1;

    public DocumentViewer(DocumentViewerModel model, String title) {
        this.model = model;

        Label heading = new Label(title);
        heading.setId("pdfTitle");
        heading.getStyleClass().add("h2");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);

        page.setId("pdfPage");
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.setAccessibleText(title);
        holder = new StackPane(page);
        holder.setAlignment(Pos.TOP_CENTER);
        holder.getStyleClass().add("document-page-holder");
        scroller = new ScrollPane(holder);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("document-scroll");
        scroller.setFocusTraversable(true);
        scroller.setAccessibleText(title);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("pdfBusy");
        busy.setAccessibleText(I18n.get("viewer.busy"));
        busy.setMaxSize(4 * ThemeManager.get().emInPixels(), 4 * ThemeManager.get().emInPixels());
        busy.visibleProperty().bind(model.busyProperty());
        Label error = Forms.error("pdfError", model.errorProperty());
        error.setMaxWidth(36 * ThemeManager.get().emInPixels());
        StackPane centre = new StackPane(scroller, busy, error);
        StackPane.setAlignment(error, Pos.CENTER);

        Button previous = Forms.button(Actions.PDF_PREVIOUS_PAGE, model::previous);
        Button next = Forms.button(Actions.PDF_NEXT_PAGE, model::next);
        previous.disableProperty().bind(model.pageIndexProperty().isEqualTo(0));
        next.disableProperty().bind(model.pageIndexProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));
        Label counter = new Label();
        counter.setId("pdfPageCounter");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        counter.textProperty().bind(model.pageTextProperty());
        HBox pages = new HBox(previous, counter, next);
        pages.getStyleClass().add("button-row");
        pages.setAlignment(Pos.CENTER_LEFT);
        // the page buttons for a PDF only: an image is one page
        pages.visibleProperty().bind(model.pdfProperty());
        pages.managedProperty().bind(pages.visibleProperty());

        Button zoomOut = Forms.button(Actions.PDF_ZOOM_OUT, model::zoomOut);
        Button zoomIn = Forms.button(Actions.PDF_ZOOM_IN, model::zoomIn);
        Button fitWidth = Forms.button(Actions.PDF_FIT_WIDTH, this::fitWidth);
        zoomOut.disableProperty().bind(model.loadedProperty().not()
                .or(model.zoomProperty().lessThanOrEqualTo(DocumentViewerModel.STEPS.get(0) + 0.005)));
        zoomIn.disableProperty().bind(model.loadedProperty().not()
                .or(model.zoomProperty().greaterThanOrEqualTo(DocumentViewerModel.MAX_ZOOM - 0.005)));
        fitWidth.disableProperty().bind(model.loadedProperty().not());
        Label zoom = new Label();
        zoom.setId("pdfZoom");
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        zoom.textProperty().bind(model.zoomTextProperty());
        zoom.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.get("viewer.zoom.accessible", Math.round(model.zoomProperty().get() * 100)),
                model.zoomProperty()));
        HBox zooms = new HBox(zoomOut, zoom, zoomIn, fitWidth);
        zooms.getStyleClass().add("button-row");
        zooms.setAlignment(Pos.CENTER_LEFT);
        // pages and zoom wrap onto a second line in a narrow window rather than cut their texts
        FlowPane tools = new FlowPane(pages, zooms);
        tools.setHgap(1.5 * ThemeManager.get().emInPixels());
        tools.setVgap(0.4 * ThemeManager.get().emInPixels());
        tools.getStyleClass().add("document-tools");
        VBox top = new VBox(heading, tools);
        top.getStyleClass().add("document-top");

        Button print = Forms.button(Actions.PDF_PRINT, this::print);
        Button save = Forms.button(Actions.PDF_SAVE, this::save);
        print.disableProperty().bind(model.loadedProperty().not().or(model.workingProperty()));
        save.disableProperty().bind(model.loadedProperty().not().or(model.workingProperty()));
        Label status = Forms.message("pdfStatus", model.messageProperty());
        Label statusError = Forms.error("pdfStatusError", model.messageErrorProperty());
        VBox messages = new VBox(status, statusError);
        messages.setMinWidth(0);
        HBox.setHgrow(messages, Priority.ALWAYS);
        messages.setMaxWidth(Double.MAX_VALUE);
        messages.setAlignment(Pos.CENTER_LEFT);
        Button close = DetailWindows.closeButton();
        close.setId("pdfClose");
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(messages, print, save, close);
        bottom.getStyleClass().addAll("button-row", "window-buttons");
        bottom.setAlignment(Pos.CENTER_LEFT);

        root = new BorderPane(centre, top, null, bottom, null);
        root.setId("pdfViewer");
        root.getStyleClass().addAll("detail-window", "document-viewer");
        // a filter: the scroll pane would scroll with Page Up / Page Down
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);

        model.pageProperty().addListener((obs, old, drawn) -> {
            boolean samePage = old != null && drawn != null && model.pageIndexProperty().get() == shownIndex;
            shownIndex = model.pageIndexProperty().get();
            page.setImage(drawn == null ? null : image(drawn));
            if (!fitted && drawn != null) {
                fitted = true;
                fitFirst();
            }
            resize();
            if (!samePage) {
                scroller.setVvalue(0);
            }
        });
        model.zoomProperty().addListener(o -> resize());
        InvalidationListener refit = o -> {
            if (!fitted && page.getImage() != null) {
                fitted = true;
                fitFirst();
            }
        };
        scroller.viewportBoundsProperty().addListener(refit);
    }

    private void key(KeyEvent e) {
        if (Actions.PDF_NEXT_PAGE.keyCombination().match(e)) {
            e.consume();
            model.next();
        } else if (Actions.PDF_PREVIOUS_PAGE.keyCombination().match(e)) {
            e.consume();
            model.previous();
        } else if (e.isShortcutDown() && !e.isAltDown()) {
            KeyCode code = e.getCode();
            String text = e.getText();
            if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD || "+".equals(text)) {
                e.consume();
                model.zoomIn();
            } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT || "-".equals(text)) {
                e.consume();
                model.zoomOut();
            } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
                e.consume();
                fitWidth();
            } else if (Actions.PDF_PRINT.keyCombination().match(e)) {
                e.consume();
                print();
            } else if (Actions.PDF_SAVE.keyCombination().match(e)) {
                e.consume();
                save();
            }
        }
    }

    private void print() {
        if (model.loadedProperty().get()) {
            DocumentPrinting.print(model, root.getScene() == null ? null : root.getScene().getWindow());
        }
    }

    private void save() {
        if (!model.loadedProperty().get() || model.workingProperty().get()) {
            return;
        }
        FileChoosers.Kind kind = model.pdfProperty().get() ? FileChoosers.Kind.PDF : FileChoosers.Kind.IMAGE;
        FileChoosers.save(root.getScene() == null ? null : root.getScene().getWindow(), "viewer.save.title", kind,
                model.suggestedName()).ifPresent(model::save);
    }

    /** The width inside the scroll pane a page may take. */
    private double availableWidth() {
        return scroller.getViewportBounds().getWidth() - holder.snappedLeftInset() - holder.snappedRightInset();
    }

    private double availableHeight() {
        return scroller.getViewportBounds().getHeight() - holder.snappedTopInset() - holder.snappedBottomInset();
    }

    /**
     * The width a page as wide as the window may take: without the room of the vertical scroll
     * bar when the page, that wide, is taller than the window (else the bar, appearing, would
     * bring a horizontal one).
     */
    private double pageWidth(double cap) {
        double width = Math.floor(availableWidth()) - 1;
        double natural = model.naturalWidth();
        if (natural <= 0) {
            return width;
        }
        double zoom = Math.min(cap, width / natural);
        javafx.scene.Node bar = scroller.lookup(".scroll-bar:vertical");
        boolean barShown = bar != null && bar.isVisible();
        if (!barShown && model.naturalHeight() * zoom > availableHeight()) {
            double barWidth = bar instanceof Region r && r.getWidth() > 0 ? r.getWidth()
                    : ThemeManager.get().emInPixels() * 1.2;
            width -= Math.ceil(barWidth);
        }
        return width;
    }

    /** Pleine largeur: the page as wide as the window. */
    private void fitWidth() {
        model.fit(pageWidth(DocumentViewerModel.MAX_ZOOM), 0, DocumentViewerModel.MAX_ZOOM);
    }

    /** At first: a PDF page as wide as the window, an image whole; neither enlarged past 100 %. */
    private void fitFirst() {
        if (availableWidth() <= 0) {
            fitted = false;
            return;
        }
        if (model.pdfProperty().get()) {
            model.fit(pageWidth(1), 0, 1);
        } else {
            model.fit(Math.floor(availableWidth()) - 1, availableHeight(), 1);
        }
    }

    /** The page at the zoom asked for (scaled while a PDF page is drawn again at that zoom). */
    private void resize() {
        if (page.getImage() == null) {
            return;
        }
        page.setFitWidth(Math.max(1, Math.floor(model.naturalWidth() * model.zoomProperty().get())));
        page.setFitHeight(0);
    }

    /**
     * Opens the viewer for {@code key} (one window per document: asking again brings it to the
     * front), reading {@code content} in the background.
     *
     * @param onClosed after the window closed (give the focus back to the row it was opened from)
     */
    public static Stage open(DetailWindows windows, Object key, Window owner, String title, String contentType,
            Callable<byte[]> content, BackgroundTasks tasks, Runnable onClosed) {
        return open(windows, key, owner, title, contentType, content, null, tasks, onClosed);
    }

    /**
     * As above, with the name the Enregistrer button proposes ({@code facture-BEL-2026-000123.pdf});
     * null proposes the title with the document's extension.
     */
    public static Stage open(DetailWindows windows, Object key, Window owner, String title, String contentType,
            Callable<byte[]> content, String fileName, BackgroundTasks tasks, Runnable onClosed) {
        if (windows.toFront(key)) {
            return windows.window(key);
        }
        DocumentViewerModel model = new DocumentViewerModel(content, contentType, fileName, title, tasks);
        DocumentViewer viewer = new DocumentViewer(model, title);
        Stage stage = windows.show(key, owner, I18n.get("viewer.windowTitle", title), viewer::root, onClosed);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.close());
        model.load(viewer.dotsPerInch());
        viewer.scroller.requestFocus();
        return stage;
    }

    /** The screen's resolution for a PDF page: 96 dots per inch, times the screen's scale. */
    float dotsPerInch() {
        double scale = root.getScene() == null || root.getScene().getWindow() == null ? 1
                : root.getScene().getWindow().getOutputScaleX();
        return (float) (96 * Math.max(1, scale));
    }

    /** The page's pixels in a JavaFX image (through its pixel writer: no Swing in the application). */
    static WritableImage image(Page drawn) {
        WritableImage image = new WritableImage(drawn.width(), drawn.height());
        image.getPixelWriter().setPixels(0, 0, drawn.width(), drawn.height(), PixelFormat.getIntArgbInstance(),
                drawn.argb(), 0, drawn.width());
        return image;
    }

    public Parent root() {
        return root;
    }

    public DocumentViewerModel model() {
        return model;
    }
}
