package dev.stagegate.assertions.deploy;

import java.time.Duration;
import java.util.Locale;

/** Text helpers for hook sentences: fixed locale and bounded quotes, so messages stay readable. */
final class Texts {
  /** Longest evidence kept per hook; a health body or command output rarely needs more. */
  static final int EVIDENCE_LIMIT = 4000;

  private static final int QUOTE_LIMIT = 200;

  private Texts() {}

  /** A duration as seconds with one decimal, e.g. "2.0 s". */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }

  /** {@code text} cut to a sentence-sized quote, on one line. */
  static String quote(String text) {
    String flat = text.strip().replace("\r", "").replace('\n', ' ');
    return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT) + "...";
  }

  /** {@code text} cut to the evidence limit. */
  static String evidence(String text) {
    return text.length() <= EVIDENCE_LIMIT
        ? text
        : text.substring(0, EVIDENCE_LIMIT) + "\n... (" + text.length() + " chars in all)";
  }

  /**
   * An exception as "ConnectException: Connection refused". Walks the causes for a message because
   * java.net wraps the telling one: HttpClient's ConnectException often has none itself.
   */
  static String describe(Throwable t) {
    Throwable withMessage = t;
    while (withMessage.getMessage() == null && withMessage.getCause() != null) {
      withMessage = withMessage.getCause();
    }
    String type = t.getClass().getSimpleName();
    String message = withMessage.getMessage();
    if (withMessage != t) {
      type = type + " (" + withMessage.getClass().getSimpleName() + ")";
    }
    return message == null ? type : type + ": " + message;
  }
}
