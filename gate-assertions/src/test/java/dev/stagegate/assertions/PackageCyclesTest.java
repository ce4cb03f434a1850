package dev.stagegate.assertions;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * gate-assertions's packages form a graph without cycles (issue #13), so each package can be read,
 * tested and changed from the bottom up: docs/architecture.md draws the graph this test keeps true.
 */
class PackageCyclesTest {
  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.stagegate.assertions");
    // "(assertions..)" makes every package its own slice, the root dev.stagegate.assertions
    // included
    // ("assertions.(**)" would leave the root out).
    slices()
        .matching("dev.stagegate.(assertions..)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .check(production);
  }
}
