package dev.stagegate.report.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stagegate.report.text.UntrustedText;
import java.io.IOException;

/**
 * The JSON conventions of the deploy files: snake_case names (as the seed's shell and Python
 * scripts write them), ISO-8601 instants and durations, strings always valid UTF-8.
 */
final class DeployJson {
  /** Maps the log's records; one entry per line, so never pretty-printed. */
  static final ObjectMapper MAPPER = createMapper();

  /** For the marker, which is read and written field by field (see {@link DeploymentMarker}). */
  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private DeployJson() {}

  /** Two-space indent, {@code "a": 1}, {@code \n} on every platform: same marker, same bytes. */
  static DefaultPrettyPrinter prettyPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  private static ObjectMapper createMapper() {
    return JsonMapper.builder(FACTORY)
        .addModule(new JavaTimeModule())
        .addModule(
            new SimpleModule("stagegate-deploy-strings")
                .addSerializer(String.class, new WellFormedStrings()))
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        // A line missing a property is damaged, not defaulted.
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // Newer writers may add fields; an older reader keeps working.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /**
   * Unpaired surrogates (from a note or hook detail copied out of a log) would make the line
   * invalid UTF-8 and the whole line unreadable; they become U+FFFD.
   */
  private static final class WellFormedStrings extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;

    WellFormedStrings() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(UntrustedText.replaceUnpairedSurrogates(value));
    }
  }
}
