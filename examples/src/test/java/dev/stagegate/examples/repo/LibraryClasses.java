package dev.stagegate.examples.repo;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The library's main classes, every module's own: not the examples' and not any test's. */
public final class LibraryClasses {
  /**
   * The packages of gate-model, gate-report, gate-deploy, gate-assertions, gate-junit, gate-cli.
   */
  private static final String[] PACKAGES = {
    "dev.stagegate.report",
    "dev.stagegate.deploy",
    "dev.stagegate.assertions",
    "dev.stagegate.junit",
    "dev.stagegate.cli"
  };

  private LibraryClasses() {}

  /** Imported from the module jars on this test's classpath. */
  public static JavaClasses production() {
    return new ClassFileImporter()
        .withImportOption(new ImportOption.DoNotIncludeTests())
        .importPackages(PACKAGES);
  }
}
