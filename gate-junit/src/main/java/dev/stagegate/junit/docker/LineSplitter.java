package dev.stagegate.junit.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Joins the byte frames of one log stream into lines: the engine may split a line over several
 * frames (long lines) or put several lines in one frame.
 */
final class LineSplitter {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  void accept(byte[] payload) {
    int start = 0;
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == '\n') {
        pending.write(payload, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(payload, start, payload.length - start);
  }

  void flush() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    pending.reset();
    lines.accept(line);
  }
}
