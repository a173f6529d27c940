package io.github.camelomics.aws2.omics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The component's packages depend one way: the root holds the public API (component, endpoint, configuration,
 * producer, constants, the operations enum, exceptions) and may use everything under {@code internal}; the internal
 * packages may use the root's API and each other, but never in a cycle. Read from the compiled classes, so an import
 * that slips in fails the build.
 */
class PackageStructureTest {

    private static final String ROOT = "io.github.camelomics.aws2.omics";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noCycleAmongTheInternalPackages() {
        slices().matching(ROOT + ".internal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void jobCodeKnowsNothingOfOperationsMessagesOrTheConsumer() {
        noClasses().that().resideInAPackage(ROOT + ".internal.job..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.consumer..", "org.apache.camel..")
                .check(CLASSES);
    }

    @Test
    void theUploadEngineKnowsNothingOfMessagesOrOperations() {
        noClasses().that().resideInAPackage(ROOT + ".internal.upload..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.request..", ROOT + ".internal.consumer..", "org.apache.camel..")
                .check(CLASSES);
    }

    @Test
    void onlyThePostgresPackageKnowsBucket4jAnOptionalDependency() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".internal.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j..")
                .check(CLASSES);
    }

    @Test
    void anEndpointsResourcesAreChosenWithoutKnowingOperationsRequestsJobsOrTheConsumer() {
        noClasses().that().resideInAPackage(ROOT + ".internal.endpoint..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.request..", ROOT + ".internal.job..", ROOT + ".internal.consumer..")
                .check(CLASSES);
    }

    @Test
    void requestsAreBuiltWithoutKnowingHowTheyAreSent() {
        noClasses().that().resideInAPackage(ROOT + ".internal.request..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.job..", ROOT + ".internal.client..", ROOT + ".internal.consumer..")
                .check(CLASSES);
    }
}
