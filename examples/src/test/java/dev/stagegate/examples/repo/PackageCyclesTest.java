package dev.stagegate.examples.repo;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import dev.stagegate.junit.StageGateExtension;
import org.junit.jupiter.api.Test;

/**
 * The library's packages, across all its modules, form a graph without cycles (issue #13), so each
 * package can be read, tested and changed from the bottom up: docs/architecture.md draws the graph
 * this test keeps true. (Maven keeps the modules themselves acyclic: gate-report cannot see
 * gate-deploy, so its renderers take the checklists through gate-model's {@code ChecklistFiller}.)
 *
 * <p>One named exception: {@link StageGateExtension}'s own dependencies. The annotations in its
 * package name it ({@code @ExtendWith}), so it lives there; it wires the runtime packages (compose,
 * config, docker, gate), and those use its package's public types (the annotations, {@code
 * GateStack}, {@code GateConfigurationException}). Every other dependency counts.
 */
class PackageCyclesTest {
  @Test
  void packagesDependOnEachOtherWithoutCyclesBesidesTheExtensionsWiring() {
    // "(**)" makes every package its own slice, each module's root package included
    slices()
        .matching("dev.stagegate.(**)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(belongToAnyOf(StageGateExtension.class), alwaysTrue())
        .check(LibraryClasses.production());
  }
}
