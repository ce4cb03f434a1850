package dev.stagegate.junit;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.junit.compose.ComposeCommand;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.config.LogAllowlist;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.SshTunnel;
import dev.stagegate.junit.gate.BaselineRun;
import dev.stagegate.junit.gate.BurnInPlan;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.junit.gate.GateRun;
import dev.stagegate.junit.gate.GateSpec;
import dev.stagegate.junit.gate.LoadSpec;
import dev.stagegate.junit.gate.PostDeployRun;
import dev.stagegate.junit.gate.PostDeploySpec;
import dev.stagegate.junit.gate.PreDeployRun;
import dev.stagegate.junit.gate.PreDeploySpec;
import dev.stagegate.junit.gate.ReportSession;
import dev.stagegate.junit.gate.RollbackRun;
import dev.stagegate.junit.gate.RollbackSpec;
import dev.stagegate.junit.gate.SmokeSpec;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.approval.ApprovalCheck;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.RecordedHistory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link HealthySmoke}, {@link BurnIn}, {@link PostDeployWatch} and
 * {@link RollbackDrill}: it runs the gate around the test method and resolves {@link GateStack}
 * parameters. Registered by the annotations; there is no need to register it by hand.
 *
 * <p>State lives in the {@link ExtensionContext.Store}: the run per test method (closed, i.e. torn
 * down, by JUnit at the latest when the method's context closes) and the audit per engine
 * execution.
 *
 * <p>Longer than 300 lines because PackageCyclesTest lets only this class wire the runtime.
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
    oneGateAnnotation(context.getRequiredTestMethod());
    Optional<PostDeployWatch> postDeploy =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), PostDeployWatch.class);
    if (postDeploy.isPresent()) {
      interceptPostDeploy(postDeploy.get(), invocation, context);
      return;
    }
    Optional<RollbackDrill> drill =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), RollbackDrill.class);
    if (drill.isPresent()) {
      interceptRollbackDrill(drill.get(), invocation, context);
      return;
    }
    Optional<PreDeployCheck> preDeploy =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), PreDeployCheck.class);
    if (preDeploy.isPresent()) {
      interceptPreDeploy(preDeploy.get(), invocation, context);
      return;
    }
    GateRun run = run(context);
    Optional<BurnIn> burnIn =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), BurnIn.class);
    GateResult result =
        burnIn.isPresent() && !burnIn.get().baseline().isBlank()
            ? BaselineRun.execute(
                run,
                new BaselineRun.Settings(
                    burnIn.get().baseline().trim(),
                    burnIn.get().baselineMinimumEffect(),
                    context
                        .getConfigurationParameter(BaselineRun.MODE_KEY)
                        .map(m -> m.trim().equals("sequential"))
                        .orElse(false)),
                () -> engine(context, run.spec().settings()),
                progress(context),
                invocation::proceed)
            : run.execute(invocation::proceed);
    Path report = session(context).add(result);
    run.finishJournal();
    finish(context, result, report, run.bodyFailure(), List.of());
  }

  /**
   * A method is one gate: a burn-in smoke-checks too, and the deploy annotations each build, watch
   * or decide on their own. {@code @HealthySmoke} with {@code @BurnIn} is named by {@link #spec}.
   */
  private static void oneGateAnnotation(Method method) {
    List<String> found = new ArrayList<>();
    for (Class<? extends java.lang.annotation.Annotation> type :
        List.of(PostDeployWatch.class, RollbackDrill.class, PreDeployCheck.class)) {
      if (AnnotationSupport.isAnnotated(method, type)) {
        found.add("@" + type.getSimpleName());
      }
    }
    boolean builds =
        AnnotationSupport.isAnnotated(method, HealthySmoke.class)
            || AnnotationSupport.isAnnotated(method, BurnIn.class);
    if (found.size() > 1 || (found.size() == 1 && builds)) {
      throw new GateConfigurationException(
          method
              + " has "
              + String.join(" and ", found)
              + (builds ? " and @HealthySmoke or @BurnIn" : "")
              + "; keep one gate annotation per method (each builds, watches or decides on its"
              + " own).");
    }
  }

  /** A {@link PostDeployWatch}: the deployed target is watched in place; nothing is torn down. */
  private void interceptPostDeploy(
      PostDeployWatch annotation, Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    Method method = context.getRequiredTestMethod();
    List<LogAllow> allows = new ArrayList<>();
    allows.addAll(
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestClass(), LogAllow.class));
    allows.addAll(AnnotationSupport.findRepeatableAnnotations(method, LogAllow.class));
    PostDeploySpec spec =
        PostDeploySpec.read(
            annotation,
            context.getRequiredTestClass().getName() + "#" + method.getName(),
            context.getDisplayName(),
            context::getConfigurationParameter,
            System.getenv(),
            allows);
    PostDeployRun run = new PostDeployRun(spec, progress(context));
    GateResult result = run.execute(invocation::proceed);
    ReportSession session = session(context);
    earlierStepsFacts(context).ifPresent(session::withFacts);
    Path report = session.add(result);
    String recordFailure = null;
    try {
      DeploymentEntry entry = run.deploymentEntry(result, session.json());
      // the deploy record shows the seed block whether or not every store took it
      session.recorded(entry);
      RecordedHistory recorded = run.recordDeployment(entry);
      context.publishReportEntry("stagegate.deployments", recorded.jsonLog().toString());
      for (String line : recorded.summary()) {
        System.out.println("[stagegate] " + result.id() + ": " + line);
      }
    } catch (IOException | RuntimeException e) {
      // the audit is written; say what is missing instead of losing the verdict
      recordFailure = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    finish(
        context,
        result,
        report,
        run.bodyFailure(),
        recordFailure == null
            ? List.of()
            : List.of("The deployment could not be recorded: " + recordFailure));
  }

  /**
   * When the pipeline names the earlier steps' audits, the approved one ({@value
   * PreDeploySpec#AUDIT}) and the deploy check's ({@value PreDeploySpec#PRE_CHECK_AUDIT}), a
   * post-deploy watch's checklists are filled from their gates too: the deploy record then shows
   * the whole way from the staging gate, through the deploy decision (window, override), to the
   * watch.
   */
  private static Optional<DeployFacts> earlierStepsFacts(ExtensionContext context) {
    Optional<Path> approved = configuredPath(context, PreDeploySpec.AUDIT);
    Optional<Path> preCheck = configuredPath(context, PreDeploySpec.PRE_CHECK_AUDIT);
    if (approved.isEmpty() && preCheck.isEmpty()) {
      return Optional.empty();
    }
    DeployFacts facts = DeployFacts.none();
    List<AuditReport> earlier = new ArrayList<>();
    if (approved.isPresent()) {
      facts = facts.withApproval(ApprovalCheck.of(approved.get()).run());
      PreDeployRun.readAudit(approved.get()).ifPresent(earlier::add);
    }
    preCheck.flatMap(PreDeployRun::readAudit).ifPresent(earlier::add);
    if (earlier.isEmpty()) {
      return Optional.of(facts);
    }
    List<GateResult> gates = new ArrayList<>();
    earlier.forEach(r -> gates.addAll(r.gates()));
    AuditReport first = earlier.get(0);
    return Optional.of(
        facts.withApprovedAudit(
            AuditReport.of(gates, first.changeSummary(), first.riskAssessment())));
  }

  private static Optional<Path> configuredPath(ExtensionContext context, String key) {
    return context
        .getConfigurationParameter(key)
        .filter(v -> !v.isBlank())
        .map(v -> Path.of(v.trim()).toAbsolutePath());
  }

  /** A {@link PreDeployCheck}: the deploy policy decides from files; nothing is started. */
  private void interceptPreDeploy(
      PreDeployCheck annotation, Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    Method method = context.getRequiredTestMethod();
    PreDeployRun run =
        new PreDeployRun(
            PreDeploySpec.read(
                annotation,
                context.getRequiredTestClass().getName() + "#" + method.getName(),
                context.getDisplayName(),
                context::getConfigurationParameter));
    GateResult result = run.execute(invocation::proceed);
    ReportSession session = session(context);
    DeployFacts facts = DeployFacts.none().withApproval(run.approval()).withPolicy(run.decision());
    session.withFacts(run.approvedAudit().map(facts::withApprovedAudit).orElse(facts));
    finish(context, result, session.add(result), run.bodyFailure(), List.of());
  }

  /**
   * Publishes where the audit is and throws when the gate did not pass.
   *
   * @param afterAudit failures found after the audit was written (e.g. recording the deployment);
   *     they fail the test too
   */
  private static void finish(
      ExtensionContext context,
      GateResult result,
      Path report,
      Throwable bodyFailure,
      List<String> afterAudit) {
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
    if (!result.verdict().nothingFailed() || !afterAudit.isEmpty()) {
      List<String> failures = new ArrayList<>(result.failures());
      failures.addAll(afterAudit);
      GateFailedError error =
          new GateFailedError(
              result.id(),
              result.verdict().nothingFailed() ? "FAIL" : result.verdictText(),
              failures,
              report);
      if (bodyFailure != null) {
        error.initCause(bodyFailure);
      }
      throw error;
    }
  }

  /**
   * A {@link RollbackDrill}: the spec (git refs included) is read before the engine is contacted,
   * so a ref that does not resolve fails without creating anything.
   */
  private void interceptRollbackDrill(
      RollbackDrill annotation, Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    Method method = context.getRequiredTestMethod();
    RollbackSpec spec =
        RollbackSpec.read(
            annotation,
            context.getRequiredTestClass().getName() + "#" + method.getName(),
            context.getDisplayName(),
            context::getConfigurationParameter,
            Path.of(""));
    GateResult result;
    Throwable bodyFailure;
    try (RollbackRun run = new RollbackRun(spec, DockerEngine.connect(), progress(context))) {
      result = run.execute(invocation::proceed);
      bodyFailure = run.bodyFailure();
    }
    finish(context, result, session(context).add(result), bodyFailure, List.of());
  }

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
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(
            GateRun.class,
            k -> {
              GateSpec spec = spec(context);
              return new GateRun(spec, engine(context, spec.settings()), progress(context));
            },
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
    Path dir = settings(context, List.of()).reportDir();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            ReportSession.class,
            k -> new ReportSession(dir, RunLabels.localHost(), context::getConfigurationParameter),
            ReportSession.class);
  }

  private static GateSettings settings(ExtensionContext context, Iterable<String> services) {
    return GateSettings.read(context::getConfigurationParameter, services);
  }

  /** Reads and validates the annotations; every bad value fails here, before Docker is touched. */
  private static GateSpec spec(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Optional<HealthySmoke> smoke = AnnotationSupport.findAnnotation(method, HealthySmoke.class);
    Optional<BurnIn> burnIn = AnnotationSupport.findAnnotation(method, BurnIn.class);
    if (smoke.isPresent() == burnIn.isPresent()) {
      throw new GateConfigurationException(
          method
              + (smoke.isPresent()
                  ? " has both @HealthySmoke and @BurnIn; keep one (a burn-in smoke-checks too)."
                  : " is run by StageGateExtension but has neither @HealthySmoke, @BurnIn nor"
                      + " @PostDeployWatch."));
    }
    String[] composeFiles =
        smoke.map(HealthySmoke::compose).orElseGet(() -> burnIn.get().compose());
    String startupAttribute =
        smoke.map(HealthySmoke::startupTimeout).orElseGet(() -> burnIn.get().startupTimeout());
    String annotationName = smoke.isPresent() ? "@HealthySmoke" : "@BurnIn";
    GateSettings base = settings(context, List.of());
    List<Path> files =
        composeFiles.length == 0
            ? ComposeFile.discover(Path.of(""))
            : Arrays.stream(composeFiles).map(Path::of).toList();
    ComposeFile compose =
        ComposeFile.load(
            files, base.composeProfiles(), ComposeCommand.resolve(base.composeCommand()));
    String composeAttribute =
        composeFiles.length == 0
            ? files.stream()
                .map(f -> Path.of("").toAbsolutePath().relativize(f).toString())
                .collect(Collectors.joining(", "))
            : String.join(", ", composeFiles);
    GateSettings settings = settings(context, compose.services().keySet());
    Duration startup =
        startupAttribute.isBlank()
            ? settings.startupTimeout()
            : GateSettings.parseDuration(startupAttribute, annotationName + "(startupTimeout)");
    Duration settle =
        smoke.map(HealthySmoke::settle).filter(s -> !s.isBlank()).isPresent()
            ? GateSettings.parseDuration(smoke.get().settle(), "@HealthySmoke(settle)")
            : settings.settle();
    Optional<BurnInPlan> plan =
        burnIn.map(
            b ->
                BurnInPlan.of(
                    b,
                    settings,
                    context.getConfigurationParameter(BurnIn.WATCH_AFTER_FAILURE_KEY)));
    List<SmokeSpec> smokes = new ArrayList<>();
    for (SmokeCheck c : AnnotationSupport.findRepeatableAnnotations(method, SmokeCheck.class)) {
      smokes.add(SmokeSpec.of(c, compose));
    }
    List<LoadSpec> loads = new ArrayList<>();
    for (Load l : AnnotationSupport.findRepeatableAnnotations(method, Load.class)) {
      if (burnIn.isEmpty()) {
        throw new GateConfigurationException(
            method + " has @Load but no @BurnIn; load runs during a burn-in's watch.");
      }
      loads.add(LoadSpec.of(l, compose, context.getConfigurationParameter(LoadSpec.INTERVAL_KEY)));
    }
    return new GateSpec(
        context.getRequiredTestClass().getName() + "#" + method.getName(),
        context.getDisplayName(),
        plan.isPresent() ? GateKind.BURN_IN : GateKind.HEALTHY_SMOKE,
        composeAttribute,
        compose,
        startup,
        settle,
        smokes,
        logAudit(context, compose, settings),
        settings,
        plan,
        loads);
  }

  private static LogAudit logAudit(
      ExtensionContext context, ComposeFile compose, GateSettings settings) {
    List<LogAllow> allows = new ArrayList<>();
    allows.addAll(
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestClass(), LogAllow.class));
    allows.addAll(
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestMethod(), LogAllow.class));
    for (LogAllow a : allows) {
      if (!"*".equals(a.service()) && compose.service(a.service()).isEmpty()) {
        throw new GateConfigurationException(
            "@LogAllow(service = \""
                + a.service()
                + "\"): no such service in "
                + compose.path()
                + ". Services there: "
                + String.join(", ", compose.services().keySet())
                + ".");
      }
    }
    return LogAllowlist.apply(allows, settings.logAllow());
  }
}
