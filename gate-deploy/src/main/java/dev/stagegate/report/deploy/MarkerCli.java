package dev.stagegate.report.deploy;

import dev.stagegate.report.cli.CliOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes the deployment marker of HEAD from a CI pipeline or a Dockerfile build step.
 *
 * <pre>{@code
 * java -cp gate-deploy.jar:... dev.stagegate.report.deploy.MarkerCli write \
 *     --version 1.2.3 --environment staging --out docker/.deployment_marker
 * # Wrote deployment marker 1.2.3 (commit 5d6e7f8, staging, by alice) to /src/docker/.deployment_marker
 * }</pre>
 *
 * <p>Options: {@code --version V} and {@code --environment E} (required), {@code --deployed-by U}
 * (default {@code GITHUB_ACTOR}, else the user), {@code --out PATH} (default {@code
 * .deployment_marker}), {@code --repo DIR} (default the current directory). Exit status 0 when
 * written, 1 when the repository or the file cannot be used, 2 for bad arguments.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class MarkerCli {
  static final String USAGE =
      "usage: MarkerCli write --version V --environment E [--deployed-by U] [--out PATH]"
          + " [--repo DIR]";

  private static final CliOptions OPTIONS =
      CliOptions.of(
          List.of("--version", "--environment", "--deployed-by", "--out", "--repo"),
          List.of("--version", "--environment"));

  private MarkerCli() {}

  /** Runs with the real environment, clock and working directory; exits with the status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the real environment, clock and working directory; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), Clock.systemUTC(), Path.of(""), out, err);
  }

  static int run(
      String[] args,
      Map<String, String> env,
      Clock clock,
      Path workDir,
      PrintStream out,
      PrintStream err) {
    if (args.length == 0 || !args[0].equals("write")) {
      return usage(err, args.length == 0 ? "no command" : "unknown command " + args[0]);
    }
    Map<String, String> options;
    try {
      options = OPTIONS.parse(args, 1);
    } catch (CliOptions.UsageException e) {
      return usage(err, e.getMessage());
    }
    Path repo = workDir.resolve(options.getOrDefault("--repo", "."));
    Path file = workDir.resolve(options.getOrDefault("--out", ".deployment_marker"));
    String deployedBy = options.getOrDefault("--deployed-by", MarkerFactory.defaultDeployedBy(env));
    try {
      DeploymentMarker marker =
          MarkerFactory.fromGit(
              repo, options.get("--version"), options.get("--environment"), deployedBy, clock);
      marker.writeTo(file);
      out.println(
          "Wrote deployment marker "
              + marker.version()
              + " (commit "
              + marker.shortCommit()
              + ", "
              + marker.environment()
              + ", by "
              + marker.deployedBy()
              + ") to "
              + file.toAbsolutePath().normalize());
      return 0;
    } catch (IOException e) {
      err.println(
          "Cannot write the deployment marker " + file.toAbsolutePath() + ": " + describe(e));
      return 1;
    }
  }

  /** Our own IOExceptions carry a sentence; the JDK's often only a path, so keep their type. */
  private static String describe(IOException e) {
    return e.getClass() == IOException.class ? e.getMessage() : e.toString();
  }

  private static int usage(PrintStream err, String problem) {
    err.println("MarkerCli: " + problem);
    err.println(USAGE);
    return 2;
  }
}
