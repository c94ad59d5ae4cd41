package org.tutti.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers of CONVENTIONS.md honest: domain ← data/service ← ui. */
@AnalyzeClasses(packages = "org.tutti.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.tutti.client.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.tutti.client.data..", "org.tutti.client.service..", "org.tutti.client.ui..",
                    "org.tutti.client.config..", "org.tutti.schema..", "javafx..")
            .because("the domain is plain values and entities");

    @ArchTest
    static final ArchRule servicesAndDataNeverUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.config..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
            .because("use cases run headless (tests, mail relay) and off the JavaFX thread");

    @ArchTest
    static final ArchRule uiNeverTouchesPersistence = noClasses()
            .that().resideInAPackage("org.tutti.client.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.hibernate..", "jakarta.persistence..", "java.sql..", "javax.sql..",
                    "org.tutti.client.data..", "org.tutti.schema..", "com.zaxxer..", "org.h2..", "org.postgresql..")
            .because("screens go through services; the database is reached only by the data layer");

    @ArchTest
    static final ArchRule servicesDoNotDependOnUi = noClasses()
            .that().resideInAnyPackage("org.tutti.client.service..", "org.tutti.client.data..",
                    "org.tutti.client.domain..", "org.tutti.client.config..")
            .should().dependOnClassesThat().resideInAPackage("org.tutti.client.ui..");

    @ArchTest
    static final ArchRule noJavaFxWeb = noClasses()
            .should().dependOnClassesThat().resideInAPackage("javafx.scene.web..")
            .because("javafx.web would double the runtime's size");
}
