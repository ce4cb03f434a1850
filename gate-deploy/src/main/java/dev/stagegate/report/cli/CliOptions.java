package dev.stagegate.report.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a command line, each {@code --name value} or {@code --name=value}: known, given
 * once, not blank unless allowed, the required ones present. For the library's command-line tools
 * ({@code ApprovalCli}, {@code MarkerCli}); a problem is a {@link UsageException} whose message is
 * the sentence the tool prints before its usage.
 *
 * <pre>{@code
 * Map<String, String> options =
 *     CliOptions.of(List.of("--audit", "--comment"), List.of("--audit"))
 *         .allowingEmpty("--comment")
 *         .parse(args, 1);
 * }</pre>
 */
public final class CliOptions {
  private final List<String> known;
  private final List<String> required;
  private final Set<String> mayBeEmpty;
  private final String command;

  private CliOptions(
      List<String> known, List<String> required, Set<String> mayBeEmpty, String command) {
    this.known = known;
    this.required = required;
    this.mayBeEmpty = mayBeEmpty;
    this.command = command;
  }

  /** The options {@code known}, of which {@code required} must be given. */
  public static CliOptions of(List<String> known, List<String> required) {
    return new CliOptions(known, required, Set.of(), null);
  }

  /** The same, with an unknown option named as one of {@code command}'s. */
  public CliOptions forCommand(String command) {
    return new CliOptions(known, required, mayBeEmpty, command);
  }

  /** The same, with {@code name} allowed a blank value. */
  public CliOptions allowingEmpty(String name) {
    Set<String> names = new HashSet<>(mayBeEmpty);
    names.add(name);
    return new CliOptions(known, required, Set.copyOf(names), command);
  }

  /**
   * Reads {@code args} from index {@code from} on.
   *
   * @return the value of each option given, by its name
   * @throws UsageException at the first problem: an option without a value, an unknown or repeated
   *     one, a blank value, a missing required one
   */
  public Map<String, String> parse(String[] args, int from) throws UsageException {
    Map<String, String> options = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      String name = args[i];
      String value;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException(
            known.contains(name) ? name + " needs a value" : "unknown " + name);
      }
      if (!known.contains(name)) {
        throw new UsageException(
            "unknown option " + name + (command == null ? "" : " for " + command));
      }
      if (value.isBlank() && !mayBeEmpty.contains(name)) {
        throw new UsageException(name + " must not be empty");
      }
      if (options.put(name, value) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    for (String name : required) {
      if (!options.containsKey(name)) {
        throw new UsageException("missing " + name);
      }
    }
    return options;
  }

  /** A command line that does not fit the options; the message says how, in one sentence. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String problem) {
      super(problem);
    }
  }
}
