package org.tutti.client.ui.home;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.CourseWindowOpener;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.NavigationEvent;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.home.HomeViewModel.CourseRow;
import org.tutti.client.ui.home.HomeViewModel.StudentItem;

/**
 * Accueil, built in code: greeting, site and year, then one card per student whose course lines
 * open the course's follow-up window (Enter or double-click, as in Élèves › Cours); for the front
 * desk, the day's work with a link to Validations.
 */
public final class HomeView {

    private final HomeViewModel model;
    private final CourseWindowOpener courses;
    private final ScrollPane root;
    private final VBox studentsBox = new VBox();
    /** The staff Accueil's list windows, or null. */
    private final DeskLists lists;

    public HomeView(HomeViewModel model, CourseWindowOpener courses) {
        this(model, courses, null);
    }

    HomeView(HomeViewModel model, CourseWindowOpener courses, DeskLists lists) {
        this.model = model;
        this.courses = courses;
        this.lists = lists;

        Label greeting = new Label();
        greeting.setId(model.isStaff() ? "homeStaffName" : "homeFamilyName");
        greeting.getStyleClass().add("h1");
        greeting.setWrapText(true);
        greeting.textProperty().bind(model.greetingProperty());

        Label context = new Label();
        context.setId("homeContext");
        context.getStyleClass().add("muted");
        context.textProperty().bind(model.contextProperty());

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("homeLoading");
        loading.getStyleClass().add("small-progress");
        loading.setAccessibleText(I18n.get("home.loading"));
        Label loadingText = new Label(I18n.get("home.loading"));
        HBox loadingRow = new HBox(loading, loadingText);
        loadingRow.getStyleClass().add("button-row");
        loadingRow.setAlignment(Pos.CENTER_LEFT);
        loadingRow.visibleProperty().bind(model.loadingProperty());
        loadingRow.managedProperty().bind(loadingRow.visibleProperty());

        Label error = new Label();
        error.setId("homeError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox page = new VBox(greeting, context, loadingRow, error);
        page.getStyleClass().add("page");

        if (!model.isStaff()) {
            Label studentsTitle = new Label(I18n.get("home.students.title"));
            studentsTitle.getStyleClass().add("h2");
            studentsTitle.visibleProperty().bind(model.loadedProperty());
            studentsTitle.managedProperty().bind(studentsTitle.visibleProperty());
            studentsBox.setId("homeStudents");
            studentsBox.getStyleClass().add("students");
            model.students().addListener((ListChangeListener<StudentItem>) c -> rebuildStudents());
            rebuildStudents();
            Label hint = Forms.wrapped(I18n.get("home.courses.openHint"), "hint");
            hint.setId("homeCoursesHint");
            hint.visibleProperty().bind(model.loadedProperty());
            hint.managedProperty().bind(hint.visibleProperty());
            page.getChildren().addAll(studentsTitle, hint, studentsBox);
        } else {
            page.getChildren().add(staffWork());
            if (model.hasDesk() && lists != null) {
                page.getChildren().add(deskCounts());
            }
        }

        root = new ScrollPane(page);
        root.setId("homeRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
    }

    public Parent root() {
        return root;
    }

    /** The front desk's day: the changes waiting (with the way to Validations), the oldest, today's decisions. */
    private Node staffWork() {
        Label title = new Label(I18n.get("home.staff.work"));
        title.getStyleClass().add("h2");
        Label pending = new Label();
        pending.setId("homePendingChanges");
        pending.setWrapText(true);
        pending.textProperty().bind(model.pendingTextProperty());
        Hyperlink open = new Hyperlink(I18n.get("home.staff.openValidations"));
        open.setId("homeOpenValidations");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.setMnemonicParsing(true);
        open.getStyleClass().add("home-link");
        open.setAccessibleText(open.getText().replace("_", ""));
        open.setOnAction(e -> {
            open.setVisited(false);
            open.fireEvent(new NavigationEvent(Actions.NAV_VALIDATIONS));
        });
        HBox pendingRow = new HBox(pending, open);
        pendingRow.getStyleClass().add("button-row");
        pendingRow.setAlignment(Pos.BASELINE_LEFT);
        Label oldest = new Label();
        oldest.setId("homeOldestChange");
        oldest.setWrapText(true);
        oldest.textProperty().bind(model.oldestTextProperty());
        oldest.visibleProperty().bind(model.oldestTextProperty().isNotEmpty());
        oldest.managedProperty().bind(oldest.visibleProperty());
        Label decided = new Label();
        decided.setId("homeDecidedToday");
        decided.setWrapText(true);
        decided.textProperty().bind(model.decidedTextProperty());
        VBox card = new VBox(title, pendingRow, oldest, decided);
        card.setId("homeStaffWork");
        card.getStyleClass().addAll("card", "student-card");
        card.visibleProperty().bind(model.loadedProperty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    /** The desk's other counts, each with the link that opens its list. */
    private Node deskCounts() {
        Label title = new Label(I18n.get("home.desk.title"));
        title.getStyleClass().add("h2");
        VBox card = new VBox(title,
                countRow("homeReenrolmentsWaiting", model.reenrolmentsTextProperty(), "homeOpenReenrolments",
                        "home.desk.reenrolments.open",
                        link -> link.fireEvent(new NavigationEvent(Actions.NAV_REENROLMENTS))),
                countRow("homeMailsFailed", model.mailsTextProperty(), "homeOpenFailedMails", "home.desk.mails.open",
                        link -> lists.openFailedMails(link.getScene().getWindow())),
                countRow("homeInvoicesOverdue", model.overdueTextProperty(), "homeOpenOverdueInvoices",
                        "home.desk.overdue.open", link -> lists.openOverdueInvoices(link.getScene().getWindow())),
                countRow("homeAccountsLocked", model.lockedTextProperty(), "homeOpenLockedAccounts",
                        "home.desk.locked.open",
                        link -> link.fireEvent(new NavigationEvent(Actions.NAV_ACCOUNTS, "locked"))));
        card.setId("homeDeskCounts");
        card.getStyleClass().addAll("card", "student-card");
        card.visibleProperty().bind(model.countsLoadedProperty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static Node countRow(String id, javafx.beans.value.ObservableStringValue text, String linkId,
            String linkKey, java.util.function.Consumer<Hyperlink> action) {
        Label count = new Label();
        count.setId(id);
        count.setWrapText(true);
        count.textProperty().bind(text);
        Hyperlink link = new Hyperlink(I18n.get(linkKey));
        link.setId(linkId);
        link.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        link.setMnemonicParsing(true);
        link.getStyleClass().add("home-link");
        link.setAccessibleText(link.getText().replace("_", ""));
        link.setOnAction(e -> {
            link.setVisited(false);
            action.accept(link);
        });
        HBox row = new HBox(count, link);
        row.getStyleClass().add("button-row");
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private void rebuildStudents() {
        if (model.students().isEmpty() && model.loadedProperty().get()) {
            Label none = new Label(I18n.get("home.students.none"));
            none.getStyleClass().add("muted");
            studentsBox.getChildren().setAll(none);
            return;
        }
        studentsBox.getChildren().setAll(model.students().stream().map(this::studentCard).toList());
    }

    private Node studentCard(StudentItem student) {
        Label name = new Label(student.name());
        name.getStyleClass().add("h3");
        name.setId("homeStudentName-" + student.id());
        Label age = new Label(student.ageText());
        age.getStyleClass().add("muted");
        HBox title = new HBox(name, age);
        title.setAlignment(Pos.BASELINE_LEFT);
        title.getStyleClass().add("student-title");

        VBox card = new VBox(title);
        card.setId("homeStudent-" + student.id());
        card.getStyleClass().addAll("card", "student-card");
        if (student.courses().isEmpty()) {
            Label none = new Label(I18n.get("home.courses.none"));
            none.getStyleClass().add("muted");
            card.getChildren().add(none);
        } else {
            card.getChildren().add(coursesTable(student));
        }
        card.setAccessibleText(student.name() + (student.ageText().isEmpty() ? "" : ", " + student.ageText()));
        return card;
    }

    private TableView<CourseRow> coursesTable(StudentItem student) {
        TableView<CourseRow> table = new TableView<>(FXCollections.observableArrayList(student.courses()));
        table.setId("homeCourses-" + student.id());
        table.getStyleClass().add("courses-table");
        table.setAccessibleText(I18n.get("home.courses.accessible", student.name()));
        table.getColumns().add(column("home.course.discipline", CourseRow::discipline));
        table.getColumns().add(column("home.course.class", CourseRow::classLabel));
        table.getColumns().add(column("home.course.teacher", CourseRow::teacher));
        table.getColumns().add(column("home.course.slot", CourseRow::slot));
        table.getColumns().add(column("home.course.room", CourseRow::room));
        // each column as wide as its title and longest text; the card's width shared out beyond
        Tables.fitToContent(table);
        // show every row without an inner scroll bar: header + one fixed-height line per course
        int rows = student.courses().size();
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(rows + 1.0));
        table.skinProperty().addListener((obs, old, skin) -> {
            if (table.lookup(".column-header-background") instanceof javafx.scene.layout.Region header) {
                // at large text the columns keep their whole texts and the table scrolls sideways:
                // its scroll bar gets a line of its own, under the last course
                javafx.beans.binding.DoubleBinding sideways = javafx.beans.binding.Bindings.createDoubleBinding(() -> 0.0);
                for (javafx.scene.Node node : table.lookupAll(".scroll-bar")) {
                    if (node instanceof javafx.scene.control.ScrollBar bar
                            && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                        sideways = javafx.beans.binding.Bindings.createDoubleBinding(
                                () -> bar.isVisible() ? bar.getHeight() : 0.0, bar.visibleProperty(), bar.heightProperty());
                    }
                }
                table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(rows)
                        .add(header.heightProperty()).add(sideways)
                        .add(table.snappedTopInset() + table.snappedBottomInset() + 1));
            }
        });
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setPlaceholder(new Label(I18n.get("home.courses.none")));
        // a course line opens its follow-up window, as in Élèves › Cours
        RowOpening.install(table, row -> courses.open(row.enrolmentId(), row.classLabel(), model.schoolYearProperty().get(),
                table.getScene().getWindow(), () -> RowOpening.focusRow(table, row)));
        return table;
    }

    /** A text column. */
    private static TableColumn<CourseRow, String> column(String key, Function<CourseRow, String> value) {
        TableColumn<CourseRow, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }
}
