package dev.stagegate.deploy.risk;

import java.util.List;

/**
 * Files whose added lines do not change what runs: documentation and tests. A content rule without
 * a path ({@code max_tokens} anywhere) skips them, or a README that explains {@code pool_size}, or
 * a test that builds an {@code OPENAI_API_KEY} fixture, would raise the risk of every change that
 * touches them. A rule that should read them too says so with {@code path: '**'}; path rules always
 * apply.
 */
final class NotDeployedFiles {
  private static final List<PathGlob> GLOBS =
      List.of(
          PathGlob.of("{*.md,*.markdown,*.rst,*.adoc,CHANGELOG*,LICENSE*}"),
          PathGlob.of("**/{docs,doc,test,tests,__tests__,testdata}/**"),
          PathGlob.of(
              "{test_*.py,*_test.py,conftest.py,*_test.go,*.test.js,*.test.ts,*.spec.js,*.spec.ts,"
                  + "*Test.java,*Tests.java,*IT.java,*Test.kt}"));

  private NotDeployedFiles() {}

  /** True for documentation and test files. */
  static boolean matches(String path) {
    for (PathGlob g : GLOBS) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
