package org.tutti.client.ui.staff;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.DatePickers;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.staff.BillingFormsViewModel.Allocation;
import org.tutti.client.ui.staff.BillingFormsViewModel.CreditNoteForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.EndRentalForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.Form;
import org.tutti.client.ui.staff.BillingFormsViewModel.InvoiceForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.LineModel;
import org.tutti.client.ui.staff.BillingFormsViewModel.PaymentForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.RentalForm;

/**
 * The dialogs of Facturation at the front desk, one window each, as the import dialog: the fields
 * with their labels, the error as text inside the dialog, the confirm button (Enter) and Annuler
 * (Escape). A refusal keeps the dialog open with everything typed; success closes it. While a
 * form is sent, nothing closes it (its outcome is shown in it).
 */
final class BillingDialogs {

    private BillingDialogs() {
    }

    /** A dialog's window: {@code id}Dialog (root), {@code id}Error, {@code id}Confirm, {@code id}Cancel. */
    static final class Shell {
        private final Stage stage = new Stage();
        private final Form form;
        private final Button confirm;
        private Node first;

        Shell(Form form, Window owner, String id, String titleKey, String confirmKey, Node content, double widthEm) {
            this.form = form;
            Label error = Forms.error(id + "Error", form.errorProperty());
            error.visibleProperty().addListener((obs, was, shown) -> Platform.runLater(() -> {
                if (stage.isShowing()) {
                    stage.sizeToScene();
                }
            }));
            confirm = new Button(I18n.get(confirmKey));
            confirm.setId(id + "Confirm");
            confirm.setMnemonicParsing(true);
            confirm.setMinWidth(Region.USE_PREF_SIZE);
            confirm.setDefaultButton(true);
            confirm.getStyleClass().add("accent");
            confirm.disableProperty().bind(form.busyProperty());
            confirm.setOnAction(e -> form.submit(stage::close));
            Button cancel = Forms.button(Actions.BILLING_DIALOG_CANCEL);
            cancel.setId(id + "Cancel");
            cancel.setCancelButton(true);
            cancel.disableProperty().bind(form.busyProperty());
            cancel.setOnAction(e -> stage.close());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox buttons = Forms.buttonRow(spacer,
                    Forms.busyIndicator(id + "Busy", "billingDesk.dialog.busy", form.busyProperty()), confirm, cancel);
            content.disableProperty().bind(form.busyProperty());

            VBox root = new VBox(Forms.heading(titleKey), content, error, buttons);
            root.setId(id + "Dialog");
            root.getStyleClass().addAll("dialog-content", "billing-dialog");
            root.setPrefWidth(widthEm * ThemeManager.get().emInPixels());
            root.setMinHeight(Region.USE_PREF_SIZE);
            Scene scene = new Scene(root);
            ThemeManager.get().apply(scene);
            // a filter: a combo box or a date picker would take Enter and Escape first
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing()) {
                    return;
                }
                if (Actions.BILLING_DIALOG_CANCEL.keyCombination().match(e)) {
                    e.consume();
                    if (!form.busyProperty().get()) {
                        stage.close();
                    }
                } else if (Actions.BILLING_DIALOG_SUBMIT.keyCombination().match(e) && scene.getFocusOwner() != cancel
                        && !(scene.getFocusOwner() instanceof Button b && b != confirm)) {
                    e.consume();
                    if (!confirm.isDisabled()) {
                        confirm.fire();
                    }
                }
            });
            stage.setScene(scene);
            stage.setTitle(I18n.get(titleKey));
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setOnCloseRequest(e -> {
                if (form.busyProperty().get()) {
                    e.consume();
                }
            });
            stage.setOnShown(e -> {
                if (first != null) {
                    first.requestFocus();
                }
            });
        }

        Shell focus(Node node) {
            first = node;
            return this;
        }

        void show() {
            stage.show();
            stage.sizeToScene();
        }

        Stage stage() {
            return stage;
        }
    }

    // ------------------------------------------------------------------------------ invoice

    static Shell invoice(InvoiceForm form, Window owner) {
        ComboBox<BillingKind> kind = combo("invoiceKind", form.kindProperty(), BillingFormsViewModel::kindText);
        kind.getItems().setAll(BillingKind.values());
        DatePicker due = DatePickers.strict(form.dueDateProperty());
        due.setId("invoiceDueDate");
        GridPane head = Forms.grid("detail-form");
        head.addRow(0, Forms.label("billingDesk.invoice.family", null), value("invoiceFamily", form.family().toString()));
        head.addRow(1, Forms.label("billingDesk.invoice.kind", kind), kind);
        head.addRow(2, Forms.label("billingDesk.invoice.dueDate", due), due);
        fixLabelFor(head, "invoiceFamily");

        GridPane lines = new GridPane();
        lines.getStyleClass().addAll("form", "invoice-lines");
        Map<LineModel, Node[]> cells = new IdentityHashMap<>();
        Button add = Forms.button(Actions.INVOICE_LINE_ADD, () -> {
            LineModel line = form.addLine();
            if (line != null) {
                Platform.runLater(() -> cells.get(line)[0].requestFocus());
            }
        });
        add.disableProperty().bind(Bindings.size(form.lines()).greaterThanOrEqualTo(BillingFormsViewModel.LINES_MAX));
        Runnable layout = () -> layoutLines(form, lines, cells);
        form.lines().addListener((ListChangeListener<LineModel>) c -> layout.run());
        layout.run();
        ScrollPane scroller = new ScrollPane(lines);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("page-scroll");
        scroller.setPrefViewportHeight(10 * ThemeManager.get().emInPixels());

        Label total = new Label();
        total.setId("invoiceTotal");
        total.getStyleClass().add("h3");
        total.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.get("billingDesk.invoice.total", form.totalProperty().get()), form.totalProperty()));
        total.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = Forms.buttonRow(add, spacer, total);

        VBox content = new VBox(head, Forms.heading("billingDesk.invoice.lines"), scroller, footer);
        content.getStyleClass().add("dialog-form");
        Shell shell = new Shell(form, owner, "invoice", "billingDesk.invoice.title", "billingDesk.invoice.confirm",
                content, 58);
        return shell.focus(kind);
    }

    /** The lines' grid, header first; each line keeps its fields (and their focus) when another is added or removed. */
    private static void layoutLines(InvoiceForm form, GridPane grid, Map<LineModel, Node[]> cells) {
        grid.getChildren().clear();
        cells.keySet().retainAll(new java.util.HashSet<>(form.lines()));
        List<LineModel> lines = form.lines();
        String[] headers = {"billingDesk.invoice.line.label", "billingDesk.invoice.line.student",
            "billingDesk.invoice.line.quantity", "billingDesk.invoice.line.price", "billingDesk.invoice.line.amount"};
        for (int i = 0; i < lines.size(); i++) {
            LineModel line = lines.get(i);
            Node[] row = cells.computeIfAbsent(line, l -> lineCells(form, l));
            int n = i + 1;
            String[] ids = {"invoiceLineLabel", "invoiceLineStudent", "invoiceLineQuantity", "invoiceLinePrice",
                "invoiceLineAmount", "invoiceLineRemove"};
            for (int c = 0; c < row.length; c++) {
                row[c].setId(ids[c] + n);
                grid.add(row[c], c, n);
                if (c < headers.length) {
                    row[c].setAccessibleText(I18n.get("billingDesk.invoice.line.accessible",
                            I18n.get(headers[c]).replace("_", ""), n));
                }
            }
            row[5].setDisable(lines.size() <= 1);
        }
        // the titles label the first line's fields (Alt+letter goes there)
        for (int c = 0; c < headers.length; c++) {
            Node target = lines.isEmpty() ? null : cells.get(lines.get(0))[c];
            Label header = Forms.label(headers[c], target);
            header.setMinWidth(Region.USE_PREF_SIZE);
            if (c == 4) {
                GridPane.setHalignment(header, HPos.RIGHT);
            }
            grid.add(header, c, 0);
        }
        // the label takes what is left; the other columns are never narrower than their title or content
        List<javafx.scene.layout.ColumnConstraints> columns = new java.util.ArrayList<>();
        for (int c = 0; c < 6; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            if (c == 0) {
                column.setHgrow(Priority.ALWAYS);
            } else {
                column.setMinWidth(Region.USE_PREF_SIZE);
            }
            columns.add(column);
        }
        grid.getColumnConstraints().setAll(columns);
    }

    private static Node[] lineCells(InvoiceForm form, LineModel line) {
        TextField label = new TextField();
        label.setPrefColumnCount(20);
        Forms.limitLength(label, BillingFormsViewModel.LABEL_MAX);
        label.textProperty().bindBidirectional(line.labelProperty());
        ComboBox<StudentOption> student = new ComboBox<>(form.students());
        setCells(student, BillingDialogs::studentText);
        student.valueProperty().bindBidirectional(line.studentProperty());
        student.setMinWidth(Region.USE_PREF_SIZE);
        TextField quantity = new TextField();
        quantity.setPrefColumnCount(4);
        quantity.textProperty().bindBidirectional(line.quantityProperty());
        TextField price = new TextField();
        price.setPrefColumnCount(7);
        price.setPromptText(I18n.get("billingDesk.amount.prompt"));
        price.textProperty().bindBidirectional(line.unitPriceProperty());
        Label amount = new Label();
        amount.textProperty().bind(line.amountProperty());
        amount.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setHalignment(amount, HPos.RIGHT);
        Button remove = new Button(I18n.get("billingDesk.invoice.removeLine"));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        // the same button on every line: reached by Tab within its line, no Alt+letter
        remove.getStyleClass().add("row-action");
        remove.setAccessibleText(I18n.get("billingDesk.invoice.removeLine.accessible"));
        remove.setOnAction(e -> form.removeLine(line));
        return new Node[] {label, student, quantity, price, amount, remove};
    }

    // ------------------------------------------------------------------------------ payment

    static Shell payment(PaymentForm form, Window owner) {
        DatePicker date = DatePickers.strict(form.dateProperty());
        date.setId("paymentDate");
        ComboBox<PaymentMethod> method = combo("paymentMethod", form.methodProperty(), Formats::paymentMethod);
        method.getItems().setAll(PaymentMethod.values());
        TextField amount = amountField("paymentAmount", form.amountProperty());
        TextField reference = new TextField();
        reference.setId("paymentReference");
        Forms.limitLength(reference, BillingFormsViewModel.REFERENCE_MAX);
        reference.textProperty().bindBidirectional(form.referenceProperty());
        GridPane head = Forms.grid("detail-form");
        head.addRow(0, Forms.label("billingDesk.invoice.family", null), value("paymentFamily", form.family().toString()));
        head.addRow(1, Forms.label("billingDesk.payment.date", date), date);
        head.addRow(2, Forms.label("billingDesk.payment.method", method), method);
        head.addRow(3, Forms.label("billingDesk.payment.amount", amount), amount);
        head.addRow(4, Forms.label("billingDesk.payment.reference", reference), reference);
        fixLabelFor(head, "paymentFamily");

        GridPane allocations = Forms.grid("detail-form", "payment-allocations");
        Label none = Forms.wrapped(I18n.get("billingDesk.payment.none"), "muted");
        none.setId("paymentNoInvoice");
        none.visibleProperty().bind(Bindings.isEmpty(form.allocations()).and(form.loadingProperty().not()));
        none.managedProperty().bind(none.visibleProperty());
        Runnable layout = () -> {
            allocations.getChildren().clear();
            int n = 0;
            for (Allocation a : form.allocations()) {
                n++;
                TextField part = amountField("paymentAllocation" + n, a.amountProperty());
                part.setPrefColumnCount(8);
                Label label = new Label(a.text());
                label.setLabelFor(part);
                // named by its invoice: no Alt+letter (one per invoice due)
                label.getStyleClass().add("data-named");
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                part.setAccessibleText(a.text());
                allocations.addRow(n - 1, label, part);
            }
        };
        form.allocations().addListener((ListChangeListener<Allocation>) c -> {
            layout.run();
            Platform.runLater(() -> {
                if (amount.getScene() != null && amount.getScene().getWindow() != null
                        && amount.getScene().getWindow().isShowing()) {
                    ((Stage) amount.getScene().getWindow()).sizeToScene();
                }
            });
        });
        layout.run();
        Label rest = new Label();
        rest.setId("paymentRest");
        rest.getStyleClass().add("notice-text");
        rest.setWrapText(true);
        rest.setMinHeight(Region.USE_PREF_SIZE);
        rest.textProperty().bind(form.restProperty());

        VBox content = new VBox(head, Forms.heading("billingDesk.payment.allocations"),
                Forms.busyIndicator("paymentLoading", "billingDesk.payment.loading", form.loadingProperty()),
                none, allocations, rest);
        content.getStyleClass().add("dialog-form");
        Shell shell = new Shell(form, owner, "payment", "billingDesk.payment.title", "billingDesk.payment.confirm",
                content, 44);
        form.load();
        return shell.focus(amount);
    }

    // ------------------------------------------------------------------------------ credit note

    static Shell creditNote(CreditNoteForm form, Window owner) {
        TextField amount = amountField("creditNoteAmount", form.amountProperty());
        TextField reason = new TextField();
        reason.setId("creditNoteReason");
        reason.setPrefColumnCount(30);
        Forms.limitLength(reason, BillingFormsViewModel.LABEL_MAX);
        reason.textProperty().bindBidirectional(form.reasonProperty());
        GridPane grid = Forms.grid("detail-form");
        grid.addRow(0, Forms.label("billingDesk.credit.invoice", null), value("creditNoteInvoice", form.invoiceText()));
        grid.addRow(1, Forms.label("billingDesk.credit.amount", amount), amount);
        grid.addRow(2, Forms.label("billingDesk.credit.reason", reason), reason);
        fixLabelFor(grid, "creditNoteInvoice");
        Label hint = Forms.wrapped(I18n.get("billingDesk.credit.hint"), "hint");
        VBox content = new VBox(grid, hint);
        content.getStyleClass().add("dialog-form");
        return new Shell(form, owner, "creditNote", "billingDesk.credit.title", "billingDesk.credit.confirm", content, 50)
                .focus(amount);
    }

    // ------------------------------------------------------------------------------ rental

    static Shell rental(RentalForm form, Window owner) {
        ComboBox<RentalItemOption> item = new ComboBox<>(form.items());
        item.setId("rentalItem");
        setCells(item, RentalForm::itemText);
        item.valueProperty().bindBidirectional(form.itemProperty());
        item.setMaxWidth(Double.MAX_VALUE);
        ComboBox<StudentOption> student = new ComboBox<>(form.students());
        student.setId("rentalStudent");
        setCells(student, BillingDialogs::studentText);
        student.valueProperty().bindBidirectional(form.studentProperty());
        DatePicker start = DatePickers.strict(form.startProperty());
        start.setId("rentalStartDate");
        DatePicker end = DatePickers.strict(form.endProperty());
        end.setId("rentalEndDate");
        TextField fee = amountField("rentalFee", form.monthlyFeeProperty());
        TextField deposit = amountField("rentalDeposit", form.depositProperty());
        GridPane grid = Forms.grid("detail-form");
        grid.addRow(0, Forms.label("billingDesk.invoice.family", null), value("rentalFamily", form.family().toString()));
        grid.addRow(1, Forms.label("billingDesk.rental.item", item), item);
        grid.addRow(2, Forms.label("billingDesk.rental.student", student), student);
        grid.addRow(3, Forms.label("billingDesk.rental.start", start), start);
        grid.addRow(4, Forms.label("billingDesk.rental.end", end), end);
        grid.addRow(5, Forms.label("billingDesk.rental.fee", fee), fee);
        grid.addRow(6, Forms.label("billingDesk.rental.deposit", deposit), deposit);
        fixLabelFor(grid, "rentalFamily");
        Label hint = Forms.wrapped(I18n.get("billingDesk.rental.hint"), "hint");
        VBox content = new VBox(grid,
                Forms.busyIndicator("rentalLoading", "billingDesk.rental.loading", form.loadingProperty()), hint);
        content.getStyleClass().add("dialog-form");
        Shell shell = new Shell(form, owner, "rental", "billingDesk.rental.title", "billingDesk.rental.confirm",
                content, 44);
        form.load();
        return shell.focus(item);
    }

    static Shell endRental(EndRentalForm form, Window owner) {
        DatePicker end = DatePickers.strict(form.endProperty());
        end.setId("endRentalDate");
        GridPane grid = Forms.grid("detail-form");
        grid.addRow(0, Forms.label("billingDesk.rentalEnd.rental", null), value("endRentalWhat", form.rentalText()));
        grid.addRow(1, Forms.label("billingDesk.rentalEnd.date", end), end);
        fixLabelFor(grid, "endRentalWhat");
        Label hint = Forms.wrapped(I18n.get("billingDesk.rentalEnd.hint"), "hint");
        VBox content = new VBox(grid, hint);
        content.getStyleClass().add("dialog-form");
        return new Shell(form, owner, "endRental", "billingDesk.rentalEnd.title", "billingDesk.rentalEnd.confirm",
                content, 50).focus(end);
    }

    // ------------------------------------------------------------------------------ helpers

    private static String studentText(StudentOption student) {
        return student == null || student == BillingFormsViewModel.NO_STUDENT ? I18n.get("billingDesk.noStudent")
                : student.name();
    }

    private static <T> ComboBox<T> combo(String id, javafx.beans.property.ObjectProperty<T> value,
            Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        setCells(box, text);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static <T> void setCells(ComboBox<T> box, Function<T, String> text) {
        box.setCellFactory(list -> new TextCell<>(text));
        box.setButtonCell(new TextCell<>(text));
        box.setConverter(Forms.displayConverter(text));
    }

    private static TextField amountField(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(10);
        field.setPromptText(I18n.get("billingDesk.amount.prompt"));
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A read-only value (the family, the invoice), read by a screen reader with its label, out of the Tab order. */
    private static TextField value(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.getStyleClass().add("read-only-value");
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    /** Binds the label created before its value field (first column of row 0) to it. */
    private static void fixLabelFor(GridPane grid, String valueId) {
        Node value = grid.lookup("#" + valueId);
        for (Node n : grid.getChildren()) {
            if (n instanceof Label l && l.getLabelFor() == null && GridPane.getRowIndex(n) != null
                    && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(value))) {
                l.setLabelFor(value);
            }
        }
    }

    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
