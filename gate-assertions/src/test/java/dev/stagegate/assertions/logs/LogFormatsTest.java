package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The level at its level position in the formats containers print: a level word there counts, the
 * same word inside the message of an INFO line does not.
 */
class LogFormatsTest {
  private static List<LogFinding> audit(String line) {
    return LogAudit.defaults().audit("svc", List.of(line));
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6              | error-level
          [Wed Oct 11 14:32:52.312 2023] [core:error] [pid 35708:tid 4328636416] [client 10.0.0.4:5120] AH00126: Invalid URI in request | error-level
          [Wed Oct 11 14:32:52.312 2023] [ssl:crit] [pid 12] AH01894: init failed            | error-level
          [Wed Oct 11 14:32:52 2023] [emerg] (28)No space left on device: could not create mutex | fatal-level
          [Thu Jun 09 06:07:04 2005] [alert] [client 10.0.0.2] /var/www/.htaccess: Invalid command | fatal-level
          2024/01/07 12:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1 | error-level
          2024/01/07 12:00:00 [crit] 31#31: *4 open() "/var/cache/nginx/client_temp/1" failed (13: Permission denied) | error-level
          2024/01/07 12:00:00 [emerg] 1#1: host not found in upstream "api:8000" in /etc/nginx/conf.d/default.conf:12 | fatal-level
          E/AndroidRuntime( 2145): FATAL EXCEPTION: main                                      | error-level
          F/libc    ( 2145): Fatal signal 11 (SIGSEGV), code 1, fault addr 0x0 in tid 2145   | segfault
          12-07 12:00:00.123 E/ActivityManager(  512): ANR in com.example.app                  | error-level
          03-17 16:13:40.012  1702  8671 E ActivityManager: Failure starting process          | error-level
          03-17 16:13:40.012  1702  8671 F DEBUG   : Abort message: 'bad state'              | fatal-level
          <3>Dec  7 12:00:00 host kernel: EXT4-fs error (device sda1): ext4_find_entry          | error-level
          <11>1 2024-01-07T12:00:00.003Z web01 app 1234 ID47 - payment backend unreachable      | error-level
          <2>1 2024-01-07T12:00:00.003Z web01 app 1234 - - disk array degraded                  | error-level
          <0>1 2024-01-07T12:00:00.003Z web01 kernel - - - system is unusable                  | fatal-level
          E1207 12:00:00.000000       1 reflector.go:138] failed to list *v1.Pod: Unauthorized  | error-level
          F1207 12:00:00.000000       1 server.go:12] cannot bind :8443                        | fatal-level
          time="2024-01-07T12:00:00Z" level=error msg="failed to pull image" image=app:1.2     | error-level
          t=2024-01-07T12:00:00+0000 lvl=eror msg="Failed to start" logger=server               | error-level
          ts=2024-01-07T12:00:00Z level=err msg="rule evaluation failed"                        | error-level
          {"level":50,"time":1704628800000,"pid":1,"msg":"request failed"}                      | error-level
          {"level":60,"time":1704628800000,"pid":1,"msg":"cannot start"}                        | fatal-level
          {"timestamp":"2024-01-07T12:00:00Z","level":400,"level_name":"ERROR","message":"x"}   | error-level
          {"@t":"2024-01-07T12:00:00Z","@l":"Error","@mt":"Payment {Id} failed","Id":7}       | error-level
          {"asctime":"2024-01-07 12:00:00","levelname":"ERROR","message":"db down"}           | error-level
          {"version":"1.1","host":"web","short_message":"disk full","level":3}                  | error-level
          [2024-01-07 12:00:00,123: ERROR/ForkPoolWorker-1] Task app.tasks.charge[0b1e] raised unexpected: ValueError('bad card') | error-level
          [2024-01-07 12:00:00,123: CRITICAL/MainProcess] Unrecoverable error: OperationalError('connection refused') | error-level
          2024-01-07 12:00:00.123 UTC [42] ERROR:  relation "users" does not exist at character 15 | error-level
          2024-01-07 12:00:00.123 UTC [42] FATAL:  password authentication failed for user "app" | fatal-level
          2024-01-07 12:00:00.123 UTC [1] PANIC:  could not locate a valid checkpoint record    | fatal-level
          npm ERR! code ELIFECYCLE                                                             | npm-error
          npm error code 1                                                                     | npm-error
          Dec 10 09:32:20 LabSZ sshd[24680]: error: Received disconnect from 10.0.0.9: 14: No more user authentication methods available. [preauth] | error-level
          error: could not lock config file /etc/app.conf: Permission denied                   | error-level
          Jan  7 12:00:00 web app[7]: err: cannot reach upstream                               | error-level
          fail: Microsoft.AspNetCore.Server.Kestrel[13]                                       | error-level
          2016-09-28 04:30:31, Error                 CSI    00000001 (F) Failed to open store  | error-level
          [12:00:00 ERR] Payment 7 failed                                                      | error-level
          [12:00:00 FTL] Host terminated unexpectedly                                          | fatal-level
          12:00AM FTL cannot bind port=8080                                                    | fatal-level
          - 1118549360 2005.06.12 R04-M1-N4-I:J18-U11 2005-06-12-21.09.20.113921 R04-M1-N4-I:J18-U11 RAS KERNEL FAILURE node card vpd check failed | error-level
          crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]                                   | error-level
          2024-01-07T12:00:00.000Z ERR failed to connect to broker error="dial tcp: refused"   | error-level
          [2024-01-07T12:00:00Z ERROR my_service::db] connection pool exhausted                 | error-level
          2024-01-07T12:00:00.000000Z ERROR my_service: request failed status=500               | error-level
          2024/01/07 12:00:00 http: panic serving 10.0.0.7:51234: runtime error: index out of range [5] with length 3 | go-panic
          terminate called after throwing an instance of 'std::runtime_error'                  | cpp-terminate
          terminate called without an active exception                                       | cpp-terminate
          thread 'main' panicked at src/main.rs:12:5:                                           | rust-panic
          thread 'tokio-runtime-worker' panicked at 'called `Result::unwrap()` on an `Err` value', src/db.rs:40:10 | rust-panic
          Unhandled exception. System.InvalidOperationException: Sequence contains no elements  | dotnet-unhandled-exception
          Unhandled Exception: System.IO.FileNotFoundException: Could not find file '/app/appsettings.json'. | dotnet-unhandled-exception
          """)
  void readsTheLevelAtItsPosition(String line, String rule) {
    assertThat(audit(line))
        .as("findings for %s", line)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.line()).isEqualTo(line);
              assertThat(f.blockLines()).isEqualTo(1);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties",
        "[Wed Oct 11 14:32:52.312 2023] [core:info] [pid 35708] AH00094: error log opened",
        "2024/01/07 12:00:00 [notice] 1#1: signal process started; [error] pages at /50x.html",
        "2024/01/07 12:00:00 [warn] 1#1: the \"ssl\" directive is deprecated, error_page kept",
        "10.0.0.1 - - [07/Jan/2024:12:00:00 +0000] \"GET /api/v1/errors/summary HTTP/1.1\" 200 512",
        "I/ActivityManager( 512): Start proc com.example for activity: error screen",
        "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs error=none",
        "03-17 16:13:38.811  1702  2395 W System.err: at com.example.Foo.bar(Foo.java:12)",
        "<14>Dec  7 12:00:00 host app: retry after error: upstream timed out",
        "<134>1 2024-01-07T12:00:00.003Z web01 app 1234 - - ERROR budget at 0%",
        "I1207 12:00:00.000000       1 controller.go:12] error count 0",
        "W1207 12:00:00.000000       1 reflector.go:12] watch ended with error: EOF",
        "level=info msg=\"retrying after error\" attempt=2",
        "ts=1 level=info error_count=0 msg=\"ERROR budget ok\"",
        "{\"level\":30,\"msg\":\"ERROR rate 0\",\"error\":null}",
        "{\"level\":200,\"level_name\":\"INFO\",\"message\":\"level=error not set\"}",
        "{\"level\":\"info\",\"msg\":\"[error] pages served\"}",
        "[2024-01-07 12:00:00,123: INFO/MainProcess] Task app.tasks.report[1] succeeded: 0 errors",
        "2024-01-07 12:00:00.123 UTC [42] LOG:  statement: SELECT 'ERROR' AS status",
        "2024-01-07 12:00:00.123 UTC [42] LOG:  checkpoint complete: error_count=0",
        "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11"
            + " RAS KERNEL INFO instruction cache parity error corrected",
        "2024-01-07 12:00:00 INFO [app] ErrorHandler initialised",
        "ErrorHandler initialised",
        "0 errors",
        "error_count=0",
        "GET /api/v1/errors/summary 200",
        "Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo failed",
        "info: server listening on port 3000, errors will be logged to stderr",
        "npm WARN deprecated request@2.88.2: request has been deprecated",
        "npm notice New major version of npm available! 9.8.1 -> 10.2.5",
        "2024-01-07 12:00:00 INFO [app] handled exception: java.io.IOException: reset (retrying)",
        "2024-01-07 12:00:00 INFO [http] terminate called on idle connections",
        "Loaded 3 plugins: ExceptionMapper, ErrorPageFilter, ThrowableRenderer",
        "ValueError: a Python exception line outside a traceback is just text",
        "/app/server.js:452",
        "12:00:00 [crit-path] scheduler INFO: planning",
        "2024-01-07 12:00:00 DEBUG [alerting] ALERT rule HighLatency inactive",
        "2024-01-07 12:00:00 INFO [spark] JVM args: -Xmx4g -XX:+HeapDumpOnOutOfMemoryError",
        "2016-09-28 04:30:31, Info                  CBS    Warning: Unrecognized packageExtended"
            + " attribute.",
        "[12:00:00 INF] Fatal and Critical handlers registered",
        "10.0.0.1 - - [07/Jan/2024:12:00:00 +0000] \"GET /search?q=%5Berror%5D HTTP/1.1\" 200 12 \"-\""
            + " \"[error] in a user agent\"",
        "2024-01-07 12:00:00 | Information | Error budget refreshed",
        "2024-01-07T12:00:00.000Z DEBUG [http] Unhandled rejection tracker enabled",
        "level=info msg=\"installed SIGSEGV handler\"",
        "{\"level\":\"debug\",\"msg\":\"Exception in thread \\\"main\\\" is handled by hook\"}",
        "warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]",
      })
  void staysQuietOnBenignLookAlikes(String line) {
    assertThat(audit(line)).as("findings for %s", line).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"level\":30,\"time\":1704628800000,\"msg\":\"request completed\"}",
        "{\"level\":40,\"time\":1704628800000,\"msg\":\"slow request\"}",
        "{\"level\":\"info\",\"msg\":\"ok\"}",
        "{\"level\":200,\"level_name\":\"INFO\",\"message\":\"ok\"}",
        "2024-01-07T12:00:00.000Z INFO [api] GET /orders 200 12ms bytes=5120",
      })
  void commonBenignLinesDoNotEvenReachTheRules(String line) {
    // The fast path decodes only lines that pass the prefilter; a JSON logger's info lines must
    // not.
    assertThat(AnchorPrefilter.mayMatch(line)).as("prefilter on %s", line).isFalse();
  }
}
