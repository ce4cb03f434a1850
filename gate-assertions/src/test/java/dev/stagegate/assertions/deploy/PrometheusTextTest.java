package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void commentsHelpAndTypeCarryNoSamples() {
    List<MetricSample> samples =
        PrometheusText.parse(
            """
            # HELP system_state_status 0 when the system is consistent.
            # TYPE system_state_status gauge
            # a plain comment, with {"braces"} and 42
              # indented comment

            system_state_status 0
            """);

    assertThat(samples)
        .containsExactly(
            new MetricSample("system_state_status", Map.of(), 0, OptionalLong.empty()));
  }

  @Test
  void labelsUnescapeQuotesBackslashesAndNewlines() {
    MetricSample s =
        PrometheusText.parse(
                "http_requests_total{method=\"post\",path=\"/say \\\"hi\\\"\","
                    + "dir=\"C:\\\\tmp\",msg=\"a\\nb\",empty=\"\",} 1027\n")
            .get(0);

    assertThat(s.labels())
        .containsExactly(
            Map.entry("method", "post"),
            Map.entry("path", "/say \"hi\""),
            Map.entry("dir", "C:\\tmp"),
            Map.entry("msg", "a\nb"),
            Map.entry("empty", ""));
    assertThat(s.series())
        .isEqualTo(
            "http_requests_total{method=\"post\",path=\"/say \\\"hi\\\"\",dir=\"C:\\\\tmp\","
                + "msg=\"a\\nb\",empty=\"\"}");
  }

  @Test
  void bracesCommasAndSpacesInsideLabelValuesAreText() {
    MetricSample s =
        PrometheusText.parse("weird { a = \"} 1, b=\\\"2\\\" {\" , b=\"x y\" } 3\n").get(0);

    assertThat(s.labels()).containsExactly(Map.entry("a", "} 1, b=\"2\" {"), Map.entry("b", "x y"));
    assertThat(s.value()).isEqualTo(3);
  }

  @Test
  void valuesIncludeNanInfinitiesAndScientificNotation() {
    List<MetricSample> samples =
        PrometheusText.parse(
            """
            a NaN
            b +Inf
            c -Inf
            d 1.5e-3
            e -2E+2
            f .5
            g 1027
            h 12.
            """);

    assertThat(samples.get(0).value()).isNaN();
    assertThat(samples.subList(1, samples.size()))
        .extracting(MetricSample::value)
        .containsExactly(
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0015, -200.0, 0.5, 1027.0, 12.0);
  }

  @Test
  void timestampsAreOptionalMillisecondsAndExemplarsAreIgnored() {
    List<MetricSample> samples =
        PrometheusText.parse(
            "up 1 1395066363000\r\n"
                + "down{job=\"x\"}\t0\t-5\n"
                + "req_total 3 # {trace_id=\"abc\"} 1.0\n");

    assertThat(samples.get(0).timestampMillis()).hasValue(1395066363000L);
    assertThat(samples.get(1).timestampMillis()).hasValue(-5L);
    assertThat(samples.get(1).value()).isZero();
    assertThat(samples.get(2).timestampMillis()).isEmpty();
    assertThat(samples.get(2).value()).isEqualTo(3);
  }

  @Test
  void namesMayHaveColonsAndDigits() {
    assertThat(PrometheusText.parse("job:request_rate5m:sum 2\n").get(0).name())
        .isEqualTo("job:request_rate5m:sum");
  }

  @Test
  void malformedLinesAreErrorsNamingTheLine() {
    assertThatThrownBy(() -> PrometheusText.parse("# HELP x\nx{a=\"b} 1\n"))
        .hasMessageStartingWith("line 2: the value of label \"a\" is not closed by a double quote");
    assertThatThrownBy(() -> PrometheusText.parse("x 1d\n"))
        .hasMessageStartingWith("line 1: \"1d\" is not a number");
    assertThatThrownBy(() -> PrometheusText.parse("x Infinity\n"))
        .hasMessageStartingWith("line 1: \"Infinity\" is not a number");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"b\" c=\"d\"} 1\n"))
        .hasMessageStartingWith(
            "line 1: expected ',' or '}' after the value of label \"a\" but found 'c'");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"\\t\"} 1\n"))
        .hasMessageStartingWith("line 1: invalid escape \\t in the value of label \"a\"");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"1\",a=\"2\"} 1\n"))
        .hasMessageStartingWith("line 1: label \"a\" appears twice");
    assertThatThrownBy(() -> PrometheusText.parse("x\n"))
        .hasMessageStartingWith("line 1: expected a value after x");
    assertThatThrownBy(() -> PrometheusText.parse("x 1 12.5\n"))
        .hasMessageStartingWith("line 1: expected an integer timestamp in milliseconds");
    assertThatThrownBy(() -> PrometheusText.parse("x 1 2 3\n"))
        .hasMessageStartingWith("line 1: unexpected \"3\" after the sample");
    assertThatThrownBy(() -> PrometheusText.parse("9x 1\n"))
        .hasMessageStartingWith("line 1: expected a metric name but found '9'")
        .hasMessageContaining("(column 1 of: 9x 1)");
  }

  @Test
  void selectorsUseTheSameGrammar() {
    assertThat(MetricSelector.parse("up{job=\"api\", instance=\"a\\\"b\"}"))
        .isEqualTo(new MetricSelector("up", Map.of("job", "api", "instance", "a\"b")));
    assertThat(MetricSelector.parse("up").toString()).isEqualTo("up");
    assertThatThrownBy(() -> MetricSelector.parse("up{job=api}"))
        .hasMessageStartingWith(
            "metric selector \"up{job=api}\" is not a name with optional labels like"
                + " up{job=\"api\"}: expected '\"' to open the value of label \"job\"");
    assertThatThrownBy(() -> MetricSelector.parse("up 1"))
        .hasMessageContaining("unexpected \"1\" after the series");
    assertThatThrownBy(() -> MetricSelector.parse("up{a=\"x\"} 0 # {}"))
        .hasMessageContaining("unexpected \"0 # {}\" after the series");
  }
}
