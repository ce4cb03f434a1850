package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One crash is one finding: the lines of one failure form one block. */
class CrashBlockTest {
  private static final String BEFORE = "2024-01-07 11:59:59,000 INFO [main] serving";
  private static final String AFTER = "2024-01-07 12:00:05,000 INFO [main] restarted";

  /** The crash between an INFO line before and after it, so line 2 is its first line. */
  private static List<LogFailure> failures(String crash) {
    List<String> log = new ArrayList<>();
    log.add(BEFORE);
    log.addAll(crash.lines().toList());
    log.add(AFTER);
    return LogAudit.defaults().failures("app", log);
  }

  private static void assertOneFailure(String crash, String rule, String message, int lineCount) {
    List<String> lines = crash.lines().toList();
    assertThat(failures(crash))
        .as("failures in%n%s", crash)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.firstLine()).isEqualTo(lines.get(0));
              assertThat(f.message()).isEqualTo(message);
              assertThat(f.firstLineNumber()).isEqualTo(2);
              assertThat(f.lineCount()).isEqualTo(lineCount);
              assertThat(f.toFinding())
                  .isEqualTo(new LogFinding("app", 2, rule, message, lineCount));
            });
  }

  @Test
  void aLoggerLineAndThePythonTracebackUnderIt() {
    assertOneFailure(
        """
        2024-01-07 12:00:00,123 ERROR [app.worker] job 7 failed
        Traceback (most recent call last):
          File "/app/worker.py", line 88, in run
            result = handler(payload)
          File "/app/handlers.py", line 17, in handler
            raise ValueError("unexpected payload")
        ValueError: unexpected payload
        """,
        "python-traceback",
        "ValueError: unexpected payload",
        7);
  }

  @Test
  void aCeleryTaskFailureWithItsTraceback() {
    assertOneFailure(
        """
        [2024-01-07 12:00:00,123: ERROR/ForkPoolWorker-1] Task app.tasks.charge[0b1e2c] raised unexpected: KeyError('card')
        Traceback (most recent call last):
          File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 477, in trace_task
            R = retval = fun(*args, **kwargs)
          File "/app/tasks.py", line 21, in charge
            card = payload["card"]
        KeyError: 'card'
        """,
        "python-traceback",
        "KeyError: 'card'",
        7);
  }

  @Test
  void aJavaExceptionWithItsCauseChainQuotesTheRootCause() {
    assertOneFailure(
        """
        Exception in thread "main" java.lang.IllegalStateException: cannot start
        \tat com.example.App.start(App.java:41)
        \tat com.example.App.main(App.java:12)
        Caused by: java.sql.SQLException: Connection refused
        \tat org.postgresql.Driver.connect(Driver.java:285)
        \t... 2 more
        Caused by: java.net.ConnectException: Connection refused (Connection refused)
        \tat java.base/sun.nio.ch.Net.pollConnect(Native Method)
        \t... 4 more
        """,
        "java-uncaught-exception",
        "Caused by: java.net.ConnectException: Connection refused (Connection refused)",
        9);
  }

  @Test
  void aLogbackErrorLineWithTheExceptionPrintedUnderIt() {
    assertOneFailure(
        """
        2024-01-07 12:00:00.123 ERROR 1 --- [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception
        java.lang.NullPointerException: Cannot invoke "com.example.User.id()" because "user" is null
        \tat com.example.web.OrderController.create(OrderController.java:57)
        \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
        \t... 48 common frames omitted
        """,
        "exception-stack-trace",
        "java.lang.NullPointerException: Cannot invoke \"com.example.User.id()\" because \"user\" is null",
        5);
  }

  @Test
  void aJavaStackTraceWithoutExceptionInThread() {
    assertOneFailure(
        """
        com.example.billing.PaymentDeclinedException: card 4000...0002 declined
        \tat com.example.billing.Gateway.charge(Gateway.java:88)
        \tat com.example.billing.Worker.run(Worker.java:30)
        Caused by: java.io.IOException: upstream returned 502
        \tat com.example.billing.Gateway.post(Gateway.java:120)
        \t... 2 more
        """,
        "exception-stack-trace",
        "Caused by: java.io.IOException: upstream returned 502",
        6);
  }

  @Test
  void aGoPanicWithSignalAndGoroutineDump() {
    assertOneFailure(
        """
        panic: runtime error: invalid memory address or nil pointer dereference
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]

        goroutine 1 [running]:
        main.(*Store).Get(0x0, {0x52c1a0, 0x3})
        \t/app/store.go:42 +0x2c
        main.main()
        \t/app/main.go:18 +0x6e

        goroutine 7 [chan receive]:
        main.worker(0xc000020060)
        \t/app/worker.go:11 +0x45
        created by main.main in goroutine 1
        \t/app/main.go:15 +0x3a
        exit status 2
        """,
        "go-panic",
        "panic: runtime error: invalid memory address or nil pointer dereference",
        15);
  }

  @Test
  void goHttpPanicServingWithItsGoroutine() {
    assertOneFailure(
        """
        2024/01/07 12:00:00 http: panic serving 10.0.0.7:51234: runtime error: index out of range [5] with length 3
        goroutine 34 [running]:
        net/http.(*conn).serve.func1()
        \t/usr/local/go/src/net/http/server.go:1868 +0xb9
        panic({0x6b2a40?, 0xc0000a4018?})
        \t/usr/local/go/src/runtime/panic.go:920 +0x270
        main.handler({0x7a1d38, 0xc0000b61c0}, 0xc0000ac000)
        \t/app/main.go:27 +0x1c5
        created by net/http.(*Server).Serve in goroutine 1
        \t/usr/local/go/src/net/http/server.go:3086 +0x5cb
        """,
        "go-panic",
        "2024/01/07 12:00:00 http: panic serving 10.0.0.7:51234: runtime error: index out of range [5] with length 3",
        10);
  }

  @Test
  void goLogPanicPrintsTheMessageTwice() {
    assertOneFailure(
        """
        2024/01/07 12:00:00 ERROR config missing key=DATABASE_URL
        panic: config missing

        goroutine 1 [running]:
        log.Panicf({0x4c3b1e?, 0x0?}, {0x0?, 0x0?, 0x0?})
        \t/usr/local/go/src/log/log.go:439 +0x65
        main.main()
        \t/app/main.go:9 +0x2b
        """,
        "go-panic",
        "panic: config missing",
        8);
  }

  @Test
  void nodeUncaughtErrorLayout() {
    assertOneFailure(
        """
        /app/server.js:452
            const id = req.user.id;
                                ^

        TypeError: Cannot read properties of undefined (reading 'id')
            at handler (/app/server.js:452:33)
            at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
            at next (/app/node_modules/express/lib/router/route.js:149:13)

        Node.js v20.10.0
        """,
        "node-uncaught-exception",
        "TypeError: Cannot read properties of undefined (reading 'id')",
        10);
  }

  @Test
  void nodeUnhandledRejectionOfNode15AndLater() {
    assertOneFailure(
        """
        node:internal/process/promises:288
                    triggerUncaughtException(err, true /* fromPromise */);
                    ^

        [UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "db down".] {
          code: 'ERR_UNHANDLED_REJECTION'
        }

        Node.js v18.19.0
        """,
        "node-unhandled-rejection",
        "[UnhandledPromiseRejection: This error originated either by throwing inside of an async"
            + " function without a catch block, or by rejecting a promise which was not handled with"
            + " .catch(). The promise rejected with the reason \"db down\".] {",
        9);
  }

  @Test
  void nodeUnhandledRejectionWithItsDeprecationWarning() {
    assertOneFailure(
        """
        (node:18) UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED 10.0.0.5:5432
            at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1148:16)
        (Use `node --trace-warnings ...` to show where the warning was created)
        (node:18) UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). (rejection id: 1)
        (node:18) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated. In the future, promise rejections that are not handled will terminate the Node.js process with a non-zero exit code.
        """,
        "node-unhandled-rejection",
        "(node:18) UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED 10.0.0.5:5432",
        5);
  }

  @Test
  void aJavaScriptErrorPrintedWithItsStack() {
    assertOneFailure(
        """
        TypeError: fetch failed
            at node:internal/deps/undici/undici:12345:11
            at async main (/app/index.mjs:8:3) {
          [cause]: Error: getaddrinfo ENOTFOUND api
              at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {
            errno: -3008,
            code: 'ENOTFOUND'
          }
        }
        """,
        "exception-stack-trace",
        "TypeError: fetch failed",
        9);
  }

  @Test
  void npmErrorLinesAreOneFailure() {
    assertOneFailure(
        """
        npm ERR! code ELIFECYCLE
        npm ERR! errno 1
        npm ERR! app@1.0.0 start: `node server.js`
        npm ERR! Exit status 1
        npm ERR!
        npm ERR! Failed at the app@1.0.0 start script.
        """,
        "npm-error",
        "npm ERR! code ELIFECYCLE",
        6);
  }

  @Test
  void cppTerminateWithWhatAndAbort() {
    assertOneFailure(
        """
        terminate called after throwing an instance of 'std::runtime_error'
          what():  could not open /data/index.bin
        Aborted (core dumped)
        """,
        "cpp-terminate",
        "  what():  could not open /data/index.bin",
        3);
  }

  @Test
  void rustPanicWithItsMessageOnTheNextLine() {
    assertOneFailure(
        """
        thread 'main' panicked at src/main.rs:12:5:
        called `Option::unwrap()` on a `None` value
        note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
        """,
        "rust-panic",
        "called `Option::unwrap()` on a `None` value",
        3);
  }

  @Test
  void dotnetUnhandledExceptionWithInnerException() {
    assertOneFailure(
        """
        Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'IRepo'
         ---> System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')
           at Npgsql.NpgsqlConnection..ctor(String connectionString)
           --- End of inner exception stack trace ---
           at Program.<Main>$(String[] args) in /src/Program.cs:line 14
        """,
        "dotnet-unhandled-exception",
        "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type"
            + " 'IRepo'",
        5);
  }

  @Test
  void postgresErrorWithItsStatement() {
    assertOneFailure(
        """
        2024-01-07 12:00:00.123 UTC [42] ERROR:  duplicate key value violates unique constraint "users_email_key"
        2024-01-07 12:00:00.123 UTC [42] DETAIL:  Key (email)=(a@example.com) already exists.
        2024-01-07 12:00:00.123 UTC [42] STATEMENT:  INSERT INTO users (email) VALUES ($1)
        """,
        "error-level",
        "2024-01-07 12:00:00.123 UTC [42] ERROR:  duplicate key value violates unique constraint"
            + " \"users_email_key\"",
        3);
  }

  @Test
  void logcatPrintsACrashAsOneLinePerStackLineFromTheSameWriter() {
    assertOneFailure(
        """
        01-07 12:00:01.234  4321  4321 E AndroidRuntime: FATAL EXCEPTION: main
        01-07 12:00:01.234  4321  4321 E AndroidRuntime: Process: com.example.app, PID: 4321
        01-07 12:00:01.234  4321  4321 E AndroidRuntime: java.lang.IllegalStateException: no view
        01-07 12:00:01.234  4321  4321 E AndroidRuntime: \tat com.example.app.Main.onCreate(Main.java:20)
        """,
        "error-level",
        "01-07 12:00:01.234  4321  4321 E AndroidRuntime: java.lang.IllegalStateException: no view",
        4);
  }

  @Test
  void dotnetConsoleLoggerFailWithItsIndentedException() {
    assertOneFailure(
        """
        fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]
              An unhandled exception has occurred while executing the request.
              System.NullReferenceException: Object reference not set to an instance of an object.
                 at Orders.Api.OrdersController.Get() in /src/OrdersController.cs:line 22
        """,
        "exception-stack-trace",
        "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]",
        4);
  }

  @Test
  void goFatalSignalWithItsRuntimeStack() {
    assertOneFailure(
        """
        fatal error: unexpected signal during runtime execution
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7f3a1c2b]

        runtime stack:
        runtime.throw({0x9a4b1e?, 0x0?})
        \t/usr/local/go/src/runtime/panic.go:1077 +0x5c

        goroutine 1 gp=0xc000002380 m=0 mp=0xd1e6a0 [syscall]:
        runtime.cgocall(0x7c1e20, 0xc00007bd50)
        \t/usr/local/go/src/runtime/cgocall.go:157 +0x4b
        """,
        "go-fatal-error",
        "fatal error: unexpected signal during runtime execution",
        10);
  }

  @Test
  void nodeModuleNotFoundWithItsRequireStack() {
    assertOneFailure(
        """
        node:internal/modules/cjs/loader:1080
          throw err;
          ^

        Error: Cannot find module 'express'
        Require stack:
        - /app/server.js
            at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)
            at Module._load (node:internal/modules/cjs/loader:922:27) {
          code: 'MODULE_NOT_FOUND',
          requireStack: [ '/app/server.js' ]
        }

        Node.js v18.17.0
        """,
        "node-uncaught-exception",
        "Error: Cannot find module 'express'",
        14);
  }

  @Test
  void glibcAssertionThenAbort() {
    assertOneFailure(
        """
        indexer: src/index.c:212: index_add: Assertion `doc->len > 0' failed.
        Aborted (core dumped)
        """,
        "native-abort",
        "indexer: src/index.c:212: index_add: Assertion `doc->len > 0' failed.",
        2);
  }

  @Test
  void pythonFaulthandlerOutput() {
    assertOneFailure(
        """
        Fatal Python error: Segmentation fault

        Current thread 0x00007f3c2a1b4740 (most recent call first):
          File "/app/native.py", line 12 in crunch
          File "/app/main.py", line 40 in <module>

        Extension modules: numpy.core._multiarray_umath, numpy.linalg._umath_linalg (total: 2)
        """,
        "native-abort",
        "Fatal Python error: Segmentation fault",
        7);
  }

  @Test
  void jvmFatalErrorReport() {
    assertOneFailure(
        """
        # A fatal error has been detected by the Java Runtime Environment:
        #
        #  SIGSEGV (0xb) at pc=0x00007f8b5c2d1e3a, pid=1, tid=42
        #
        # JRE version: OpenJDK Runtime Environment (17.0.9+9) (build 17.0.9+9)
        # An error report file with more information is saved as:
        # /tmp/hs_err_pid1.log
        """,
        "native-abort",
        "# A fatal error has been detected by the Java Runtime Environment:",
        7);
  }

  @Test
  void framesThatLostTheirIndentationStillBelongToTheTrace() {
    assertOneFailure(
        """
        Exception in thread "main" java.lang.IllegalStateException: boom
        at com.example.App.start(App.java:41)
        at com.example.App.main(App.java:12)
        Caused by: java.io.IOException: disk full
        at java.base/java.io.FileOutputStream.writeBytes(Native Method)
        ... 2 more
        """,
        "java-uncaught-exception",
        "Caused by: java.io.IOException: disk full",
        6);
  }

  @Test
  void twoErrorLinesAreTwoFailures() {
    assertThat(
            failures(
                """
                2024-01-07 12:00:00,123 ERROR [a] first
                2024-01-07 12:00:00,124 ERROR [b] second
                """))
        .extracting(LogFailure::firstLineNumber, LogFailure::lastLineNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, 2L),
            org.assertj.core.groups.Tuple.tuple(3L, 3L));
  }

  @Test
  void aCrashAfterAnUnrelatedErrorLineIsItsOwnFailure() {
    assertThat(
            failures(
                """
                2024-01-07 12:00:00,123 ERROR [a] cache unavailable
                2024-01-07 12:00:01,000 INFO [a] still serving
                Traceback (most recent call last):
                  File "/app/x.py", line 1, in <module>
                ZeroDivisionError: division by zero
                """))
        .extracting(LogFailure::rule, LogFailure::firstLineNumber, LogFailure::lineCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("error-level", 2L, 1),
            org.assertj.core.groups.Tuple.tuple("python-traceback", 4L, 3));
  }

  @Test
  void aFileLineWithoutTheCaretIsNotNodeLayout() {
    assertThat(
            failures(
                """
                /app/server.js:452
                2024-01-07 12:00:00,123 ERROR [a] right after
                2024-01-07 12:00:00,124 INFO [a] fine
                """))
        .extracting(LogFailure::rule, LogFailure::firstLineNumber)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("error-level", 3L));
  }

  @Test
  void theStreamApiGroupsTheSameWay() throws Exception {
    String crash =
        String.join(
            "\n",
            BEFORE,
            "panic: boom",
            "",
            "goroutine 1 [running]:",
            "main.main()",
            "\t/app/main.go:5 +0x1d",
            AFTER,
            "");
    assertThat(
            LogAudit.defaults()
                .audit(
                    "app",
                    new java.io.ByteArrayInputStream(
                        crash.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .containsExactly(new LogFinding("app", 2, "go-panic", "panic: boom", 5));
  }
}
