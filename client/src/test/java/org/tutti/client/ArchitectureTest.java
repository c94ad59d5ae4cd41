package org.tutti.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the layers of CONVENTIONS.md honest: domain ← data/service ← ui. Plain JUnit rather than
 * ArchUnit's own engine: Surefire 3.5.3 silently runs no {@code @ArchTest} field rule.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tutti.client");
    }

    static Stream<ArchRule> rules() {
        return Stream.of(domainDependsOnNothingOfOurs, servicesAndDataNeverUseJavaFx, uiNeverTouchesPersistence,
                servicesDoNotDependOnUi, noJavaFxWeb, mailRelayIsHeadless, uiReadsMailOnlyThroughServices);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void layersAreRespected(ArchRule rule) {
        rule.check(classes);
    }

    static final ArchRule domainDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.tutti.client.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.tutti.client.data..", "org.tutti.client.service..", "org.tutti.client.ui..",
                    "org.tutti.client.config..", "org.tutti.schema..", "javafx..")
            .because("the domain is plain values and entities");

    static final ArchRule servicesAndDataNeverUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.config..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
            .because("use cases run headless (tests, mail relay) and off the JavaFX thread");

    static final ArchRule uiNeverTouchesPersistence = noClasses()
            .that().resideInAPackage("org.tutti.client.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.hibernate..", "jakarta.persistence..", "java.sql..", "javax.sql..",
                    "org.tutti.client.data..", "org.tutti.schema..", "com.zaxxer..", "org.h2..", "org.postgresql..")
            .because("screens go through services; the database is reached only by the data layer");

    static final ArchRule servicesDoNotDependOnUi = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.domain..", "org.tutti.client.config..")
            .should().dependOnClassesThat().resideInAPackage("org.tutti.client.ui..");

    static final ArchRule mailRelayIsHeadless = noClasses()
            .that().resideInAPackage("org.tutti.client.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..",
                    "org.tutti.client.ui..")
            .because("the relay runs headless as a service next to the database (tutti.jar --relay)");

    static final ArchRule uiReadsMailOnlyThroughServices = noClasses()
            .that().resideInAPackage("org.tutti.client.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tutti.client.mail..", "jakarta.mail..")
            .because("screens read the demo mailbox through Backend.demoMailbox() (DemoMailboxService)");

    static final ArchRule noJavaFxWeb = noClasses()
            .should().dependOnClassesThat().resideInAPackage("javafx.scene.web..")
            .because("javafx.web would double the runtime's size");
}
