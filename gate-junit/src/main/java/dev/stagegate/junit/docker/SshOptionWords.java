package dev.stagegate.junit.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@value SshTunnel#OPTIONS_KEY}: split like a shell would, and checked for the one
 * flag the tunnel cannot live with.
 */
final class SshOptionWords {
  // ssh's options that take a value (ssh(1) SYNOPSIS); a letter after one of these is the value.
  private static final String OPTIONS_WITH_VALUE = "BbcDEeFIiJLlmOoPpQRSWw";

  private SshOptionWords() {}

  /**
   * Splits {@value SshTunnel#OPTIONS_KEY} like a shell would for words: whitespace separates,
   * single and double quotes group, a backslash outside single quotes escapes the next character.
   */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote == '\'') {
        if (ch == '\'') {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (quote == '"') {
        if (ch == '"') {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in '" + text + "'");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code -f} would fork ssh into the background, out of reach of {@link SshTunnel#close()}. */
  static void rejectBackgrounding(List<String> options) {
    for (int i = 0; i < options.size(); i++) {
      String o = options.get(i);
      if (!o.startsWith("-") || o.startsWith("--") || o.length() < 2) {
        continue;
      }
      for (int j = 1; j < o.length(); j++) {
        char flag = o.charAt(j);
        if (flag == 'f') {
          throw new IllegalArgumentException(
              "-f would put ssh into the background, where the gate cannot stop it; leave it out");
        }
        if (OPTIONS_WITH_VALUE.indexOf(flag) >= 0) {
          if (j == o.length() - 1) {
            i++; // the value is the next word
          }
          break;
        }
      }
    }
  }
}
