package dev.stagegate.junit;

import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.SshTunnel;
import dev.stagegate.junit.gate.Gate;
import dev.stagegate.junit.gate.GateContext;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.junit.gate.GateOutcome;
import dev.stagegate.junit.gate.GateReader;
import dev.stagegate.junit.gate.GateRun;
import dev.stagegate.junit.gate.ReportSession;
import dev.stagegate.junit.gate.StackGate;
import dev.stagegate.report.GateResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link HealthySmoke}, {@link BurnIn}, {@link PostDeployWatch}, {@link
 * RollbackDrill} and {@link PreDeployCheck}: it runs the gate around the test method and resolves
 * {@link GateStack} parameters. Registered by the annotations; there is no need to register it by
 * hand.
 *
 * <p>One intercept path for every kind of gate: the method's {@link Gate} is read once ({@link
 * GateReader}) and kept in the method's {@link ExtensionContext.Store}, run, and its outcome
 * published. State lives in the stores: the gate and its stack run per test method (closed, i.e.
 * torn down, by JUnit at the latest when the method's context closes) and the audit per engine
 * execution.
 */
public final class StageGateExtension implements InvocationInterceptor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StageGateExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GateStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return run(context).stack();
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    finish(context, gate(context).run(invocation::proceed, gateContext(context)));
  }

  /** The method's gate, read once: every bad value fails here, before Docker is touched. */
  private static Gate gate(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(Gate.class, k -> GateReader.read(context), Gate.class);
  }

  /** What the gates take from JUnit: the stores, progress lines and report entries. */
  private GateContext gateContext(ExtensionContext context) {
    return new GateContext() {
      @Override
      public Consumer<String> progress() {
        return StageGateExtension.progress(context);
      }

      @Override
      public ReportSession session() {
        return StageGateExtension.this.session(context);
      }

      @Override
      public GateRun stackRun() {
        return run(context);
      }

      @Override
      public DockerEngine engine(GateSettings settings) {
        return StageGateExtension.engine(context, settings);
      }

      @Override
      public void publish(String key, String value) {
        context.publishReportEntry(key, value);
      }
    };
  }

  /**
   * Publishes where the audit is and throws when the gate did not pass, or when something failed
   * after the audit was written ({@link GateOutcome#afterAudit}).
   */
  private static void finish(ExtensionContext context, GateOutcome outcome) {
    GateResult result = outcome.result();
    Path report = outcome.report();
    context.publishReportEntry("stagegate.audit", report.toString());
    context.publishReportEntry("stagegate.verdict", result.verdictText());
    System.out.println(
        "[stagegate] "
            + result.id()
            + ": "
            + result.verdictText()
            + " ("
            + report
            + ")\n[stagegate]   "
            + result.verdict()
            + ": "
            + result.verdict().meaning());
    // PASS_SHORTENED passes the test (nothing failed in the time watched); the audit and the
    // approval keep it apart from PASS.
    if (!result.verdict().nothingFailed() || !outcome.afterAudit().isEmpty()) {
      List<String> failures = new ArrayList<>(result.failures());
      failures.addAll(outcome.afterAudit());
      GateFailedError error =
          new GateFailedError(
              result.id(),
              result.verdict().nothingFailed() ? "FAIL" : result.verdictText(),
              failures,
              report);
      if (outcome.bodyFailure() != null) {
        error.initCause(outcome.bodyFailure());
      }
      throw error;
    }
  }

  /** The method's stack run, shared by the gate and the {@link GateStack} parameter. */
  private GateRun run(ExtensionContext context) {
    if (AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), RollbackDrill.class)) {
      throw new GateConfigurationException(
          "A @RollbackDrill method gets no GateStack parameter: the drill deploys three times and"
              + " ends torn down.");
    }
    if (AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), PostDeployWatch.class)
        || AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), PreDeployCheck.class)) {
      throw new GateConfigurationException(
          "A @PostDeployWatch or @PreDeployCheck method gets no GateStack parameter: no stack is"
              + " started by the gate.");
    }
    // the checks above leave only stack gates: the reader returns one or throws
    StackGate gate = (StackGate) gate(context);
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            GateRun.class,
            k ->
                new GateRun(
                    gate.spec(), engine(context, gate.spec().settings()), progress(context)),
            GateRun.class);
  }

  /** The engine the gate's stack runs on: Testcontainers' or {@value DockerEngine#HOST_KEY}. */
  private static DockerEngine engine(ExtensionContext context, GateSettings settings) {
    return DockerEngine.connect(
        settings.dockerHost(), SshTunnel.Settings.read(context::getConfigurationParameter));
  }

  /** Progress lines go to the console (a long run must not look hung) and the JUnit report. */
  private static Consumer<String> progress(ExtensionContext context) {
    return line -> {
      System.out.println("[stagegate] " + context.getDisplayName() + ": " + line);
      context.publishReportEntry("stagegate.progress", line);
    };
  }

  private ReportSession session(ExtensionContext context) {
    Path dir = GateSettings.read(context::getConfigurationParameter, List.of()).reportDir();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            ReportSession.class,
            k -> new ReportSession(dir, RunLabels.localHost(), context::getConfigurationParameter),
            ReportSession.class);
  }
}
