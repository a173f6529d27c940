package io.github.camelomics.aws2.omics;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's packages depend one way: the root holds the public API (component, endpoint, configuration,
 * producer, consumer, constants, the operations enum, exceptions) with the rest of the Camel shell (the producer's
 * health check, the option check) and may use everything under {@code internal}; the internal packages may use the
 * root's API and each other, but never in a cycle, and never the shell. Read from the compiled classes, so an import
 * that slips in fails the build.
 */
class PackageStructureTest {

    private static final String ROOT = "io.github.camelomics.aws2.omics";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The consumer lives in the root package, with the rest of the Camel shell. */
    private static final DescribedPredicate<JavaClass> THE_CONSUMER = JavaClass.Predicates.equivalentTo(
            ImportJobStatusConsumer.class);

    @Test
    void noCycleAmongTheInternalPackages() {
        slices().matching(ROOT + ".internal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void jobCodeKnowsNothingOfOperationsMessagesOrTheConsumer() {
        noClasses().that().resideInAPackage(ROOT + ".internal.job..")
                .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".internal.operation..", "org.apache.camel..")
                        .or(THE_CONSUMER))
                .check(CLASSES);
    }

    @Test
    void theUploadEngineKnowsNothingOfMessagesOrOperations() {
        noClasses().that().resideInAPackage(ROOT + ".internal.upload..")
                .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.request..", "org.apache.camel..").or(THE_CONSUMER))
                .check(CLASSES);
    }

    @Test
    void onlyThePostgresPackageKnowsBucket4jAnOptionalDependency() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".internal.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheMetricsPackageKnowsMicrometerAnOptionalDependency() {
        // everything else tells OmicsMetrics, which is NONE when Micrometer is not on the class path
        noClasses().that().resideOutsideOfPackage(ROOT + ".internal.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(CLASSES);
    }

    @Test
    void anEndpointsResourcesAreChosenWithoutKnowingOperationsRequestsOrTheConsumer() {
        // the component's job watches are among the resources: the job package, not the jobs' operations
        noClasses().that().resideInAPackage(ROOT + ".internal.endpoint..")
                .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.request..").or(THE_CONSUMER))
                .check(CLASSES);
    }

    @Test
    void requestsAreBuiltWithoutKnowingHowTheyAreSent() {
        noClasses().that().resideInAPackage(ROOT + ".internal.request..")
                .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".internal.operation..",
                        ROOT + ".internal.job..", ROOT + ".internal.client..").or(THE_CONSUMER))
                .check(CLASSES);
    }

    @Test
    void theEngineKnowsNothingOfTheCamelShell() {
        // component, endpoint, producer, consumer and health check live in the root package, as in Camel's own
        // components; what they drive never calls back into them
        noClasses().that().resideInAPackage(ROOT + ".internal..")
                .should().dependOnClassesThat().belongToAnyOf(Omics2Component.class, Omics2Endpoint.class,
                        Omics2Producer.class, ImportJobStatusConsumer.class, Omics2ProducerHealthCheck.class,
                        OptionsCheck.class)
                .check(CLASSES);
    }

    @Test
    void fewInternalTypesArePublic() {
        // an internal type is public only where another package must reach it: issue 19 took them from 28 to 14,
        // issue 20 adds the metrics spine that every package tells (OmicsMetrics) and the component's job counts
        // (JobCounts: the job machinery counts, the endpoint's resources carry them, the shell shows them in JMX)
        long publicTypes = CLASSES.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".internal"))
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC)).count();
        assertTrue(publicTypes <= 16, publicTypes + " public internal types");
    }
}
