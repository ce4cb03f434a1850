package dev.stagegate.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.stagegate.report.text.UntrustedText;
import java.io.IOException;

/**
 * Writes strings with unpaired surrogates replaced by U+FFFD.
 *
 * <p>Log lines may hold broken UTF-16 (from bytes that were not UTF-8). Written as is, they make a
 * JSON file that is not valid UTF-8, which strict readers reject. Everything else (control
 * characters, escape codes) is kept: the JSON is the raw evidence, and JSON escaping makes it
 * harmless.
 */
final class WellFormedStringSerializer extends StdSerializer<String> {
  private static final long serialVersionUID = 1L;

  WellFormedStringSerializer() {
    super(String.class);
  }

  @Override
  public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(UntrustedText.replaceUnpairedSurrogates(value));
  }
}
