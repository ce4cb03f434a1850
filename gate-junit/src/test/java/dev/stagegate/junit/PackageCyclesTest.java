package dev.stagegate.junit;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * gate-junit's packages form a graph without cycles (issue #13), with one named exception:
 * docs/architecture.md draws the graph this test keeps true.
 *
 * <p>The exception is {@link StageGateExtension}'s own dependencies. The annotations in this
 * package name it ({@code @ExtendWith}), so it lives here; it wires the runtime packages (compose,
 * config, docker, gate), and those use this package's public types (the annotations, {@link
 * GateStack}, {@link GateConfigurationException}). Every other dependency counts: no runtime
 * package may depend on another in a circle, and nothing else in this package may reach into the
 * runtime.
 */
class PackageCyclesTest {
  @Test
  void packagesDependOnEachOtherWithoutCyclesBesidesTheExtensionsWiring() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.stagegate.junit");
    // "(junit..)" makes every package its own slice, the root dev.stagegate.junit included
    // ("junit.(**)" would leave the root out).
    slices()
        .matching("dev.stagegate.(junit..)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(belongToAnyOf(StageGateExtension.class), alwaysTrue())
        .check(production);
  }
}
