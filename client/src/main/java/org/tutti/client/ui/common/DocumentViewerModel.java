package org.tutti.client.ui.common;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.documents.DocumentInspector;
import org.tutti.client.documents.PageRenderer;
import org.tutti.client.documents.PageRenderer.Page;
import org.tutti.client.documents.PageRenderer.UnreadableDocumentException;
import org.tutti.client.documents.SavedFiles;

/**
 * What the PDF viewer shows: a document read in the background (its bytes from wherever the
 * caller says, then drawn by {@link PageRenderer}), the page shown, "Page 1 / 3", the zoom
 * ("100 %": a PDF page is drawn again at the new resolution, an image scaled), and a message when
 * it cannot be read, shown, saved or printed. Pages are drawn one at a time, off the JavaFX
 * thread; asking for another page or zoom while one is drawn draws the last one asked for next.
 * Saving writes the bytes read (a PDF as a PDF, an image with its own extension) through
 * {@link SavedFiles} in the background.
 */
public final class DocumentViewerModel {

    private static final Failures FAILURES = Failures.of("Document viewer", "viewer.error.unexpected");
    /** The zoom steps of Agrandir / Réduire. */
    static final List<Double> STEPS = List.of(0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0);
    /** Fitting a large image in a small window may go below the first step. */
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 3.0;

    private final Callable<byte[]> content;
    private final String contentType;
    private final String fileName;
    private final String title;
    private final BackgroundTasks tasks;
    private float dpi = 96;
    private PageRenderer renderer;
    private byte[] bytes;
    private boolean closed;
    /** The page the user asked for last (what is drawn next when a drawing ends). */
    private int wanted;
    /** The zoom the user asked for last. */
    private double wantedZoom = 1;
    /** The zoom the page shown was drawn at (a PDF page's pixels = its points × dpi / 72 × this). */
    private double drawnZoom = 1;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page");
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex");
    private final IntegerProperty pageCount = new SimpleIntegerProperty(this, "pageCount");
    private final StringProperty pageText = new SimpleStringProperty(this, "pageText", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final StringProperty zoomText = new SimpleStringProperty(this, "zoomText", I18n.get("viewer.zoom", 100));
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working");
    private final BooleanProperty pdf = new SimpleBooleanProperty(this, "pdf");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty messageError = new SimpleStringProperty(this, "messageError", "");

    /**
     * @param content     reads the document's bytes (called in the background)
     * @param contentType {@code application/pdf}, {@code image/png}, {@code image/jpeg} (or null: from the content)
     */
    public DocumentViewerModel(Callable<byte[]> content, String contentType, BackgroundTasks tasks) {
        this(content, contentType, null, "document", tasks);
    }

    /**
     * @param fileName the name Enregistrer proposes ({@code facture-BEL-2026-000123.pdf}), or null: {@code title}
     *                 and the document's extension
     */
    public DocumentViewerModel(Callable<byte[]> content, String contentType, String fileName, String title,
            BackgroundTasks tasks) {
        this.content = Objects.requireNonNull(content);
        this.contentType = contentType;
        this.fileName = fileName;
        this.title = title == null || title.isBlank() ? "document" : title;
        this.tasks = Objects.requireNonNull(tasks);
    }

    private record Opened(byte[] bytes, PageRenderer renderer, Page first) {
    }

    /** Reads the document and draws its first page; PDF pages at {@code dotsPerInch} (at 100 %). */
    public void load(float dotsPerInch) {
        this.dpi = dotsPerInch;
        busy.set(true);
        error.set("");
        double firstZoom = wantedZoom;
        tasks.run(() -> {
            byte[] read = content.call();
            PageRenderer opened = PageRenderer.open(read, contentType);
            try {
                return new Opened(read, opened, opened.render(0, (float) (dotsPerInch * firstZoom)));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(opened -> {
            if (closed) {
                release(opened.renderer());
                return;
            }
            bytes = opened.bytes();
            renderer = opened.renderer();
            pdf.set(renderer.isPdf());
            pageCount.set(renderer.pageCount());
            loaded.set(true);
            shown(0, firstZoom, opened.first());
        }).onFailure(this::failed);
    }

    private void shown(int index, double at, Page drawn) {
        drawnZoom = renderer != null && renderer.isPdf() ? at : 1;
        pageIndex.set(index);
        page.set(drawn);
        pageText.set(I18n.get("viewer.page", index + 1, pageCount.get()));
        busy.set(false);
        if (wanted != index || (pdf.get() && wantedZoom != drawnZoom)) {
            draw(wanted, wantedZoom);
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof UnreadableDocumentException) {
            error.set(I18n.get("viewer.error.unreadable"));
        } else {
            error.set(FAILURES.message(failure));
        }
    }

    public void next() {
        goTo(wanted + 1);
    }

    public void previous() {
        goTo(wanted - 1);
    }

    /** Shows page {@code index} (from 0); nothing outside the document. */
    public void goTo(int index) {
        if (renderer == null || closed || index < 0 || index >= pageCount.get()) {
            return;
        }
        wanted = index;
        if (!busy.get()) {
            draw(index, wantedZoom);
        }
    }

    /** The next zoom step up (Agrandir, Ctrl+plus); nothing past 300 %. */
    public void zoomIn() {
        STEPS.stream().filter(step -> step > wantedZoom + 0.005).findFirst().ifPresent(this::zoomTo);
    }

    /** The next zoom step down (Réduire, Ctrl+minus); nothing under 50 %. */
    public void zoomOut() {
        for (int i = STEPS.size() - 1; i >= 0; i--) {
            if (STEPS.get(i) < wantedZoom - 0.005) {
                zoomTo(STEPS.get(i));
                return;
            }
        }
    }

    /**
     * The zoom at which the page is {@code width} pixels wide (Pleine largeur, Ctrl+0), and, when
     * {@code height} is positive, at most {@code height} high; never larger than {@code cap}.
     */
    public void fit(double width, double height, double cap) {
        double natural = naturalWidth();
        if (natural <= 0 || width <= 0) {
            return;
        }
        double fitted = width / natural;
        if (height > 0) {
            fitted = Math.min(fitted, height / naturalHeight());
        }
        zoomTo(Math.min(cap, fitted));
    }

    /** Shows the document at {@code factor} (1 = 100 %, kept between 10 % and 300 %); a PDF page is drawn again. */
    public void zoomTo(double factor) {
        double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, factor));
        if (closed || Math.abs(clamped - wantedZoom) < 0.0005) {
            return;
        }
        wantedZoom = clamped;
        zoom.set(clamped);
        zoomText.set(I18n.get("viewer.zoom", Math.round(clamped * 100)));
        if (renderer != null && renderer.isPdf() && !busy.get()) {
            draw(wanted, clamped);
        }
    }

    /** The width of the page shown at 100 %, in the screen's pixels (0 before the first page). */
    public double naturalWidth() {
        Page shown = page.get();
        return shown == null ? 0 : shown.width() / pixelsPerScreenPixel();
    }

    public double naturalHeight() {
        Page shown = page.get();
        return shown == null ? 0 : shown.height() / pixelsPerScreenPixel();
    }

    /** How many of the shown page's pixels make one screen pixel at 100 %. */
    private double pixelsPerScreenPixel() {
        return pdf.get() ? dpi / 96.0 * drawnZoom : 1;
    }

    private void draw(int index, double at) {
        PageRenderer drawing = renderer;
        busy.set(true);
        if (pageCount.get() > 1) {
            message.set(I18n.get("viewer.preparing", index + 1, pageCount.get()));
        }
        float resolution = (float) (dpi * at);
        tasks.run(() -> drawing.render(index, resolution)).onSuccess(drawn -> {
            if (!closed) {
                clearProgress(index);
                shown(index, at, drawn);
            }
        }).onFailure(failure -> {
            clearProgress(index);
            wanted = pageIndex.get();
            wantedZoom = drawnZoom;
            failed(failure);
        });
    }

    private void clearProgress(int index) {
        if (message.get().equals(I18n.get("viewer.preparing", index + 1, pageCount.get()))) {
            message.set("");
        }
    }

    /** The name Enregistrer proposes: the caller's, else the title with the document's extension. */
    public String suggestedName() {
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension()) ? name : name + extension();
    }

    /** ".pdf", ".png" or ".jpg": what the bytes read are. */
    public String extension() {
        String type = bytes == null ? contentType : DocumentInspector.typeOf(bytes);
        if ("image/png".equals(type)) {
            return ".png";
        }
        if ("image/jpeg".equals(type)) {
            return ".jpg";
        }
        return ".pdf";
    }

    /** The document's bytes once read (what Enregistrer writes and Imprimer prints), or null. */
    public byte[] content() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    /** The resolution of a PDF page at 100 % (96 × the screen's scale). */
    public float dotsPerInch() {
        return dpi;
    }

    /**
     * Writes the document to {@code chosen} (its extension added when missing) in the background,
     * through a temporary file: either the whole document is there afterwards, or nothing is.
     */
    public void save(Path chosen) {
        byte[] data = bytes;
        if (data == null || closed) {
            return;
        }
        Path target = SavedFiles.withExtension(chosen, extension());
        working.set(true);
        messageError.set("");
        message.set(I18n.get("viewer.save.progress"));
        tasks.run(() -> {
            SavedFiles.write(target, data);
            return target;
        }).onSuccess(saved -> {
            working.set(false);
            message.set(I18n.get("viewer.save.done", saved.toAbsolutePath()));
        }).onFailure(failure -> {
            working.set(false);
            message.set("");
            messageError.set(saveFailure(failure, target));
        });
    }

    private static String saveFailure(Throwable failure, Path target) {
        Path folder = target.toAbsolutePath().getParent();
        if (failure instanceof IOException io && SavedFiles.isDiskFull(io)) {
            return I18n.get("viewer.save.full");
        }
        if (failure instanceof FileSystemException || failure instanceof SecurityException) {
            return I18n.get("viewer.save.unwritable", folder);
        }
        FAILURES.message(failure);
        return I18n.get("viewer.save.failed", folder);
    }

    /** Printing (or saving) started: the buttons wait, {@code text} says what is going on. */
    void startWork(String text) {
        working.set(true);
        messageError.set("");
        message.set(text);
    }

    /** Progress of the work under way. */
    void progress(String text) {
        message.set(text);
    }

    /** The work ended: {@code text} says how, {@code problem} whether it failed. */
    void endWork(String text, boolean problem) {
        working.set(false);
        message.set(problem ? "" : text);
        messageError.set(problem ? text : "");
    }

    /** The window closed: frees the document (in the background, after a page being drawn). */
    public void close() {
        closed = true;
        release(renderer);
        renderer = null;
    }

    private void release(PageRenderer r) {
        if (r != null) {
            tasks.run(() -> {
                r.close();
                return null;
            });
        }
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The page shown, from 0. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    /** 0 until the document is read. */
    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** "Page 1 / 3". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText;
    }

    /** The zoom asked for: 1 = 100 % (the page at its size on screen). */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom;
    }

    /** "100 %". */
    public ReadOnlyStringProperty zoomTextProperty() {
        return zoomText;
    }

    /** True while the document is read or a page drawn. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True while the document is saved or printed (Imprimer and Enregistrer wait). */
    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    /** True for a PDF (pages at the screen's resolution, turned with the buttons). */
    public ReadOnlyBooleanProperty pdfProperty() {
        return pdf;
    }

    /** True once the document is read (it can be saved and printed). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** Why the document cannot be shown, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What is going on or went well ("Document enregistré : …", "Page 2 / 5 en préparation…"), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Why saving or printing failed ("Aucune imprimante n’est installée…"), or "". */
    public ReadOnlyStringProperty messageErrorProperty() {
        return messageError;
    }
}
