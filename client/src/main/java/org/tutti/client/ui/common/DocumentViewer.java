package org.tutti.client.ui.common;

import java.util.concurrent.Callable;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.tutti.client.documents.PageRenderer.Page;

/**
 * A window showing a document given as bytes, a content type and a title (an imported JPEG, PNG
 * or PDF): an image scaled down to fit the window (never enlarged past its size), a PDF page by
 * page at the screen's resolution, as wide as the window allows, with "Page 1 / 3", Page
 * précédente / Page suivante and the Page Up / Page Down keys. Reading and drawing run in the
 * background behind a progress indicator; a document that cannot be shown says so in the window.
 * Escape closes it ({@link DetailWindows}) and the opener gets the focus back. Root id
 * {@code documentViewer}; the page {@code documentPage}, the counter {@code documentPageCounter},
 * the buttons {@code documentPreviousPage}, {@code documentNextPage}, the message
 * {@code documentError}.
 */
public final class DocumentViewer {

    private final DocumentViewerModel model;
    private final BorderPane root;
    private final ImageView page = new ImageView();
    private final ScrollPane scroller;
    private final StackPane holder;

    public DocumentViewer(DocumentViewerModel model, String title) {
        this.model = model;

        Label heading = new Label(title);
        heading.setId("documentTitle");
        heading.getStyleClass().add("h2");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);

        page.setId("documentPage");
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
        busy.setId("documentBusy");
        busy.setAccessibleText(I18n.get("viewer.busy"));
        busy.setMaxSize(4 * ThemeManager.get().emInPixels(), 4 * ThemeManager.get().emInPixels());
        busy.visibleProperty().bind(model.busyProperty());
        Label error = Forms.error("documentError", model.errorProperty());
        error.setMaxWidth(36 * ThemeManager.get().emInPixels());
        StackPane centre = new StackPane(scroller, busy, error);
        StackPane.setAlignment(error, Pos.CENTER);

        Button previous = Forms.button(Actions.DOCUMENT_PREVIOUS_PAGE, model::previous);
        Button next = Forms.button(Actions.DOCUMENT_NEXT_PAGE, model::next);
        previous.disableProperty().bind(model.pageIndexProperty().isEqualTo(0));
        next.disableProperty().bind(model.pageIndexProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));
        Label counter = new Label();
        counter.setId("documentPageCounter");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        counter.textProperty().bind(model.pageTextProperty());
        HBox pages = new HBox(previous, counter, next);
        pages.getStyleClass().add("button-row");
        pages.setAlignment(Pos.CENTER_LEFT);
        // the page buttons for a PDF only: an image is one page
        pages.visibleProperty().bind(model.pdfProperty());
        pages.managedProperty().bind(pages.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = DetailWindows.closeButton();
        close.setId("documentClose");
        HBox bottom = new HBox(pages, spacer, close);
        bottom.getStyleClass().addAll("button-row", "window-buttons");
        bottom.setAlignment(Pos.CENTER_LEFT);

        root = new BorderPane(centre, heading, null, bottom, null);
        root.setId("documentViewer");
        root.getStyleClass().addAll("detail-window", "document-viewer");
        // a filter: the scroll pane would scroll with Page Up / Page Down
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.DOCUMENT_NEXT_PAGE.keyCombination().match(e)) {
                e.consume();
                model.next();
            } else if (Actions.DOCUMENT_PREVIOUS_PAGE.keyCombination().match(e)) {
                e.consume();
                model.previous();
            }
        });

        model.pageProperty().addListener((obs, old, drawn) -> {
            page.setImage(drawn == null ? null : image(drawn));
            fit();
            scroller.setVvalue(0);
        });
        InvalidationListener refit = o -> fit();
        scroller.viewportBoundsProperty().addListener(refit);
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
     * null proposes the title.
     */
    public static Stage open(DetailWindows windows, Object key, Window owner, String title, String contentType,
            Callable<byte[]> content, String fileName, BackgroundTasks tasks, Runnable onClosed) {
        if (windows.toFront(key)) {
            return windows.window(key);
        }
        DocumentViewerModel model = new DocumentViewerModel(content, contentType, tasks);
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

    /** An image at most its own size, as large as the window shows whole; a PDF page as wide as the window. */
    private void fit() {
        WritableImage image = (WritableImage) page.getImage();
        if (image == null) {
            return;
        }
        Bounds viewport = scroller.getViewportBounds();
        double scale = model.pdfProperty().get() ? dotsPerInch() / 96 : 1;
        double naturalWidth = image.getWidth() / scale;
        double naturalHeight = image.getHeight() / scale;
        // the holder's padding around the page is inside the viewport
        double width = Math.min(naturalWidth,
                Math.max(1, viewport.getWidth() - holder.snappedLeftInset() - holder.snappedRightInset()));
        if (!model.pdfProperty().get()) {
            double height = Math.max(1, viewport.getHeight() - holder.snappedTopInset() - holder.snappedBottomInset());
            width = Math.min(width, naturalWidth * Math.min(1, height / naturalHeight));
        }
        page.setFitWidth(Math.floor(width));
        page.setFitHeight(0);
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
