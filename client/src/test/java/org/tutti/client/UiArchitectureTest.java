package org.tutti.client;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.archfixture.ui.alpha.Alpha;
import org.tutti.client.archfixture.ui.beta.Beta;
import org.tutti.client.archfixture.ui.common.Back;
import org.tutti.client.archfixture.ui.common.Piece;
import org.tutti.client.archfixture.ui.main.Shell;

/**
 * Keeps the screens' structure of src-docs/conventions.md honest (the layers are {@link ArchitectureTest}'s):
 *
 * <ul>
 *   <li>Each {@code ui.<feature>} package (login, home, family, students, staff, password,
 *       mailbox…) depends on no other {@code ui} package except {@code ui.common}; {@code ui.common}
 *       depends on no other {@code ui} package; only {@code ui.main}, which assembles the
 *       navigation, may depend on the features. (Outside {@code ui}, {@code TuttiApp} opens the
 *       login and main windows.)</li>
 *   <li>A view model (a class named {@code *ViewModel}, and its nested classes) never reaches a
 *       {@link Node}: neither directly nor through any class of ours it uses (the
 *       {@code ValidationEditor}, {@code Failures}, {@code BackgroundTasks}… it is made of), so
 *       that it is tested without a toolkit.</li>
 * </ul>
 *
 * Each rule is also shown failing on a small fixture, so that it cannot pass by matching nothing.
 * Plain JUnit rather than ArchUnit's engine, as in {@link ArchitectureTest}.
 */
class UiArchitectureTest {

    private static final String UI = "org.tutti.client.ui";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tutti.client");
    }

    /** Features under {@code ui} depend on {@code common} only; {@code main} may depend on all of them. */
    static ArchRule featuresDoNotDependOnEachOther(String ui) {
        return slices().matching(ui + ".(*)..").namingSlices("ui.$1")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(ui + ".main.."), DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(ui + ".common.."))
                .because("a screen is a feature of its own: what two features share goes to ui.common, "
                        + "and only ui.main assembles the features");
    }

    /** Classes named {@code *ViewModel}, with their nested (and anonymous) classes. */
    static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe(
            "are view models (named *ViewModel, or nested in one)",
            c -> c.getName().matches(".*ViewModel(\\$.*)?"));

    static final ArchRule viewModelsHoldNoNodes = noClasses().that(VIEW_MODELS)
            .should().transitivelyDependOnClassesThat().areAssignableTo(Node.class)
            .because("a view model holds JavaFX properties only, and is tested without a toolkit");

    @Test
    void featuresDoNotDependOnEachOther() {
        featuresDoNotDependOnEachOther(UI).check(production);
    }

    @Test
    void viewModelsHoldNoNodes() {
        viewModelsHoldNoNodes.check(production);
    }

    @Test
    void theRulesLookAtTheScreens() {
        assertThat(production.that(resideInAPackage(UI + ".family..")).size()).isPositive();
        assertThat(production.that(VIEW_MODELS).stream().map(JavaClass::getSimpleName))
                .contains("FamilyViewModel", "StudentsViewModel", "HomeViewModel", "LoginViewModel",
                        "ValidationsViewModel", "PasswordViewModel");
    }

    @Test
    void aFeatureUsingAnotherOrCommonReachingUpIsReported() {
        ArchRule rule = featuresDoNotDependOnEachOther("org.tutti.client.archfixture.ui");

        assertThat(rule.evaluate(fixture(Alpha.class, Piece.class, Shell.class)).hasViolation())
                .as("features use common, main assembles features").isFalse();
        assertThat(rule.evaluate(fixture(Beta.class, Alpha.class)).hasViolation())
                .as("a feature using another").isTrue();
        assertThat(rule.evaluate(fixture(Back.class, Shell.class)).hasViolation())
                .as("common reaching up into main").isTrue();
    }

    private static JavaClasses fixture(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void aViewModelReachingANodeDirectlyOrThroughAHelperIsReported() {
        assertThat(viewModelsHoldNoNodes.evaluate(fixture(PropertiesOnlyViewModel.class)).hasViolation()).isFalse();
        assertThat(viewModelsHoldNoNodes.evaluate(fixture(LabelViewModel.class)).hasViolation()).isTrue();
        assertThat(viewModelsHoldNoNodes.evaluate(fixture(HelpedViewModel.class, NodeHelper.class)).hasViolation())
                .isTrue();
    }

    /** Fixture: what a view model holds. */
    static final class PropertiesOnlyViewModel {
        final StringProperty name = new SimpleStringProperty();
    }

    /** Fixture: a view model holding a control. */
    static final class LabelViewModel {
        final Label label = new Label();
    }

    /** Fixture: a view model whose helper builds a control. */
    static final class HelpedViewModel {
        final NodeHelper helper = new NodeHelper();
    }

    /** Fixture: not a view model itself, but used by one. */
    static final class NodeHelper {
        Object build() {
            return new Label();
        }
    }
}
