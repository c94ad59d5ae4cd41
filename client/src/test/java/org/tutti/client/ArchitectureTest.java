package org.tutti.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the layers of src-docs/architecture.md honest: domain ← data/service ← ui, with the JPA entities
 * inside data ({@code data.entity}). Plain JUnit rather than ArchUnit's own engine: Surefire 3.5.3
 * silently runs no {@code @ArchTest} field rule.
 */
class ArchitectureTest {

    private static final String ENTITIES = "org.tutti.client.data.entity..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tutti.client");
    }

    static Stream<ArchRule> rules() {
        return Stream.of(domainDependsOnNothingOfOurs, domainNeverDependsOnDataOrPersistence,
                servicesAndDataNeverUseJavaFx, uiNeverTouchesPersistence, onlyTheDataLayerSeesEntities,
                entitiesLiveInTheDataLayer, servicesDoNotDependOnUi, noJavaFxWeb, mailRelayIsHeadless,
                uiReadsMailOnlyThroughServices);
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
            .because("the domain is plain values");

    static final ArchRule domainNeverDependsOnDataOrPersistence = noClasses()
            .that().resideInAPackage("org.tutti.client.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tutti.client.data..", "org.hibernate..",
                    "jakarta.persistence..")
            .because("the domain is what the data layer projects rows into; the entities are in data.entity");

    /** Screens (ui), use cases (service), the domain, mail and pdf never hold a JPA entity. */
    static final ArchRule onlyTheDataLayerSeesEntities = noClasses()
            .that().resideOutsideOfPackage("org.tutti.client.data..")
            .should().dependOnClassesThat().resideInAPackage(ENTITIES)
            .because("entities sit next to the queries that use them; the rest of the client gets records");

    static final ArchRule entitiesLiveInTheDataLayer = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage(ENTITIES)
            .because("a feature adds its entity next to its queries, in data.entity");

    static final ArchRule servicesAndDataNeverUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.config..", "org.tutti.client.documents..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
            .because("use cases run headless (tests, mail relay) and off the JavaFX thread; so do the checks "
                    + "of an imported document (documents)");

    static final ArchRule uiNeverTouchesPersistence = noClasses()
            .that().resideInAPackage("org.tutti.client.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.hibernate..", "jakarta.persistence..", "java.sql..", "javax.sql..",
                    "org.tutti.client.data..", "org.tutti.schema..", "com.zaxxer..", "org.h2..", "org.postgresql..")
            .because("screens go through services; the database is reached only by the data layer");

    static final ArchRule servicesDoNotDependOnUi = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.domain..", "org.tutti.client.config..", "org.tutti.client.documents..")
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
