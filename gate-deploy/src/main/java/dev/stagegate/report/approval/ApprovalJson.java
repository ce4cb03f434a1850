package dev.stagegate.report.approval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.stagegate.report.json.JsonConventions;
import java.util.List;

/**
 * The JSON form of the approval file, with the conventions of the other deploy files (see {@link
 * JsonConventions#deployFileMapper}): snake_case names, ISO-8601 instants, two-space indent,
 * strings always valid UTF-8 (a comment pasted from elsewhere may hold a broken surrogate; it
 * becomes U+FFFD); unknown properties are ignored (a newer writer may add some), missing or null
 * ones are an error.
 */
final class ApprovalJson {
  static final ObjectMapper MAPPER =
      JsonConventions.deployFileMapper(
              JsonConventions.strictFactory(), "stagegate-approval-strings")
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .build();
  static final ObjectWriter WRITER = MAPPER.writer(JsonConventions.prettyPrinter());

  /**
   * Reads an approval; {@code accepted} and {@code images}, absent from approvals written before
   * they existed, read as empty (accepting nothing, binding no image).
   */
  static final ObjectReader READER =
      MAPPER
          .readerFor(ApprovalRecord.class)
          .with(new InjectableValues.Std().addValue("accepted", "").addValue("images", List.of()));

  private ApprovalJson() {}
}
