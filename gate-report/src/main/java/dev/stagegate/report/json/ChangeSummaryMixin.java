package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import java.util.List;

/**
 * Jackson annotations for {@link dev.stagegate.report.change.ChangeSummary}: {@code baseSource} is
 * optional on read, so audits written before it existed (schema version 1, and early version 2)
 * still read; the model then takes it from {@code baseChoice}.
 */
abstract class ChangeSummaryMixin {
  @JsonCreator
  ChangeSummaryMixin(
      @JsonProperty("baseRef") String baseRef,
      @JsonProperty("baseCommit") String baseCommit,
      @JsonProperty("headCommit") String headCommit,
      @JsonProperty("baseChoice") String baseChoice,
      @JsonProperty("baseSource")
          @JacksonInject(
              value = "baseSource",
              useInput = OptBoolean.TRUE,
              optional = OptBoolean.TRUE)
          BaseSource baseSource,
      @JsonProperty("files") List<ChangedFile> files,
      @JsonProperty("filesTotal") int filesTotal,
      @JsonProperty("uncommitted") UncommittedChanges uncommitted,
      @JsonProperty("notes") List<String> notes) {}
}
