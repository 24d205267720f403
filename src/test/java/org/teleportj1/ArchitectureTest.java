package org.teleportj1;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package DAG of the production classes (target/classes; the bench is a separate source tree
 * and not imported), so that an edge that would close a loop or put a low package on a high one
 * fails the build. The same can be seen with {@code jdeps -verbose:package target/classes}.
 */
class ArchitectureTest {
    private static final String ROOT = "org.teleportj1";
    private static final String PROTO = "org.teleportj1.proto..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void theImportSeesEveryTopLevelPackage() {
        // guards against a rule that passes because it imported nothing
        for (String pkg : new String[] {"app", "batch", "concurrent", "deadletter", "delivery", "graph", "jupiterone", "ops", "run",
                "sandbox", "state", "sync", "teleport", "watch", "proto"}) {
            assertTrue(production.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + pkg)),
                    "no production class imported in " + ROOT + "." + pkg);
        }
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "test classes were imported");
    }

    /**
     * No cycles between the top-level packages (the generated proto classes are left out).
     */
    @Test
    void noCyclesBetweenTopLevelPackages() {
        ArchRule rule = slices().matching(ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage(PROTO), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage(PROTO));
        rule.check(production);
    }

    /** The graph model is pure: Teleport's messages in, J1 objects out, no Camel, no I/O packages of ours. */
    @Test
    void graphDependsOnlyOnItselfTheProtoClassesAndTheJdk() {
        ArchRule rule = classes().that().resideInAPackage(ROOT + ".graph..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        ROOT + ".graph..", PROTO, "java..",
                        "org.slf4j..",              // logging
                        "com.google.protobuf..");   // Timestamp and the message base types of proto
        rule.check(production);
    }

    /**
     * The Teleport client and component do not know the sandbox (the sandbox is one server it can
     * talk to, nothing more).
     */
    @Test
    void teleportDoesNotDependOnTheSandbox() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".teleport..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..");
        rule.check(production);
    }

    @Test
    void jupiteroneDoesNotDependOnSync() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".jupiterone..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sync..");
        rule.check(production);
    }

    /**
     * app is the top: it wires everything, nothing of the production code uses it (the bench, a
     * separate source tree, may).
     */
    @Test
    void nothingButAppDependsOnApp() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..");
        rule.check(production);
    }
}
