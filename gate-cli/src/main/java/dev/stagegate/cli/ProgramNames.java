package dev.stagegate.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * How a tool names itself in its messages, and what {@code stagegate} says instead. The tools print
 * {@code MarkerCli: missing --environment} and {@code usage: MarkerCli write --version V …}; run as
 * {@code stagegate marker} these read {@code stagegate marker: missing --environment} and {@code
 * usage: stagegate marker --version V …}, the command line the user typed. Only the start of a line
 * is renamed (a message's {@code tool:} prefix, a usage line's program), never a path or the text
 * of a message; a line that starts otherwise passes unchanged.
 *
 * @param command the stagegate command, e.g. {@code marker}
 * @param tool the tool's name before a problem, e.g. {@code MarkerCli}
 * @param program the program of its usage lines, e.g. {@code MarkerCli write}
 * @param replacement what replaces {@code program}, e.g. {@code stagegate marker}
 */
record ProgramNames(String command, String tool, String program, String replacement) {
  private static final String USAGE = "usage: ";

  static ProgramNames of(String command, String tool, String program, String replacement) {
    return new ProgramNames(command, tool, program, replacement);
  }

  /** The line (without its line break) as stagegate says it. */
  String rename(String line) {
    if (line.startsWith(tool + ": ")) {
      return "stagegate " + command + ": " + line.substring(tool.length() + 2);
    }
    int at = line.startsWith(USAGE) ? USAGE.length() : indent(line);
    int end = at + program.length();
    if (at > 0
        && line.startsWith(program, at)
        && (line.length() == end || line.charAt(end) == ' ')) {
      return line.substring(0, at) + replacement + line.substring(end);
    }
    return line;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** A stream for the tool's standard error that writes each line, renamed, to {@code target}. */
  Stream over(PrintStream target) {
    return new Stream(this, target);
  }

  /**
   * Renames line by line as each line ends; {@link #close} writes a last unfinished line and leaves
   * {@code target} open.
   */
  static final class Stream extends OutputStream {
    private final ProgramNames names;
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private Stream(ProgramNames names, PrintStream target) {
      this.names = names;
      this.target = target;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        emit("\n");
      } else {
        line.write(b);
      }
    }

    @Override
    public void flush() {
      target.flush();
    }

    @Override
    public void close() {
      if (line.size() > 0) {
        emit("");
      }
      target.flush();
    }

    private void emit(String lineBreak) {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      String cr = text.endsWith("\r") ? "\r" : "";
      target.print(names.rename(text.substring(0, text.length() - cr.length())) + cr + lineBreak);
    }
  }
}
