package dev.stagegate.junit.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** What ssh wrote to stderr, condensed for an exception message. */
final class SshStderrText {
  private static final int STDERR_CHARS = 1500;

  private SshStderrText() {}

  /** The file's lines joined by "; ", trimmed to the last 1500 characters; "" if unreadable. */
  static String read(Path stderr) {
    String text;
    try {
      text = Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    String lines =
        text.lines()
            .map(String::strip)
            // the frame of OpenSSH's "UNPROTECTED PRIVATE KEY FILE" banner says nothing
            .filter(l -> !l.isEmpty() && !l.matches("@+"))
            .collect(Collectors.joining("; "));
    return lines.length() <= STDERR_CHARS
        ? lines
        : "…" + lines.substring(lines.length() - STDERR_CHARS);
  }

  /** The clause a message appends: "; ssh said: …" or " (ssh said nothing)". */
  static String saidClause(String stderr) {
    // ssh ends its sentences with a period; the message adds its own.
    String said = stderr.replaceAll("[.\\s]+$", "");
    return said.isEmpty() ? " (ssh said nothing)" : "; ssh said: " + said;
  }
}
