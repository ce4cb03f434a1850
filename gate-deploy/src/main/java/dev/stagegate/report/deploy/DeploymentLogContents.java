package dev.stagegate.report.deploy;

import java.util.List;

/**
 * What {@link DeploymentLog#readAll()} found: the entries in file order, and the lines it could not
 * read, so that damage is shown rather than hidden or fatal.
 *
 * <pre>{@code
 * DeploymentLogContents read = DeploymentLog.at(file).readAll();
 * read.skipped().forEach(System.err::println); // "line 12: incomplete last line (...)"
 * }</pre>
 *
 * @param entries the entries, oldest (first written) first
 * @param skipped one sentence per line not read, e.g. {@code line 12: incomplete last line (37
 *     bytes without a line end; a writer was probably stopped mid-write)}
 */
public record DeploymentLogContents(List<DeploymentEntry> entries, List<String> skipped) {
  /** Copies the lists. */
  public DeploymentLogContents {
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
  }
}
