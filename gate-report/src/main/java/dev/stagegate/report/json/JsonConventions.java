package dev.stagegate.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON conventions shared by the files stagegate writes: the audit ({@link AuditJson}), the
 * approval and the deploy files (marker, deployment log). For the library's own readers and
 * writers; each adds what is particular to its file.
 */
public final class JsonConventions {
  private JsonConventions() {}

  /** Two-space indent, {@code "a": 1}, {@code \n} on every platform: same content, same bytes. */
  public static DefaultPrettyPrinter prettyPrinter() {
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

  /**
   * A module that writes every string with unpaired surrogates replaced by U+FFFD, so the file
   * stays valid UTF-8 (see {@link WellFormedStringSerializer}).
   *
   * @param name the module's name
   */
  public static SimpleModule wellFormedStrings(String name) {
    return new SimpleModule(name).addSerializer(String.class, new WellFormedStringSerializer());
  }

  /** A parser factory that refuses an object with the same field twice. */
  public static JsonFactory strictFactory() {
    return JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * A mapper with the conventions of the deploy files (the approval and the deployment log):
   * snake_case names (as the seed's shell and Python scripts write them), ISO-8601 instants,
   * properties not sorted by name, strings as {@link #wellFormedStrings}. A missing property or
   * content after the value is an error, not a default; unknown properties are ignored (a newer
   * writer may add some, an older reader keeps working).
   *
   * @param factory the parser factory, e.g. {@link #strictFactory()}; null for Jackson's default
   * @param stringsModule the name of the {@link #wellFormedStrings} module
   */
  public static JsonMapper.Builder deployFileMapper(JsonFactory factory, String stringsModule) {
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(wellFormedStrings(stringsModule))
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
