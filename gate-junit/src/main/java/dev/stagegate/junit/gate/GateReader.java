package dev.stagegate.junit.gate;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.Load;
import dev.stagegate.junit.LogAllow;
import dev.stagegate.junit.PostDeployWatch;
import dev.stagegate.junit.PreDeployCheck;
import dev.stagegate.junit.RollbackDrill;
import dev.stagegate.junit.SmokeCheck;
import dev.stagegate.junit.compose.ComposeCommand;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.config.LogAllowlist;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.approval.ApprovalCheck;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads a test method's gate: its one gate annotation (found with {@link AnnotationSupport}, so
 * meta-annotations work), the configuration it takes, and for a stack gate the compose project.
 * Every bad value fails here with a {@link GateConfigurationException} naming the fix, before
 * Docker is touched.
 */
public final class GateReader {
  private GateReader() {}

  /** The gate of {@code context}'s test method. */
  public static Gate read(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    oneGateAnnotation(method);
    String id = context.getRequiredTestClass().getName() + "#" + method.getName();
    Optional<PostDeployWatch> postDeploy =
        AnnotationSupport.findAnnotation(method, PostDeployWatch.class);
    if (postDeploy.isPresent()) {
      PostDeploySpec spec =
          PostDeploySpec.read(
              postDeploy.get(),
              id,
              context.getDisplayName(),
              context::getConfigurationParameter,
              System.getenv(),
              logAllows(context));
      return new PostDeployWatchGate(spec, earlierStepsFacts(context));
    }
    Optional<RollbackDrill> drill = AnnotationSupport.findAnnotation(method, RollbackDrill.class);
    if (drill.isPresent()) {
      return new RollbackDrillGate(
          RollbackSpec.read(
              drill.get(),
              id,
              context.getDisplayName(),
              context::getConfigurationParameter,
              Path.of("")));
    }
    Optional<PreDeployCheck> preDeploy =
        AnnotationSupport.findAnnotation(method, PreDeployCheck.class);
    if (preDeploy.isPresent()) {
      return new PreDeployCheckGate(
          PreDeploySpec.read(
              preDeploy.get(), id, context.getDisplayName(), context::getConfigurationParameter));
    }
    GateSpec spec = stackSpec(context, id);
    Optional<BurnIn> burnIn = AnnotationSupport.findAnnotation(method, BurnIn.class);
    if (burnIn.isEmpty()) {
      return new HealthySmokeGate(spec);
    }
    Optional<BaselineRun.Settings> baseline =
        burnIn.get().baseline().isBlank()
            ? Optional.empty()
            : Optional.of(
                new BaselineRun.Settings(
                    burnIn.get().baseline().trim(),
                    burnIn.get().baselineMinimumEffect(),
                    context
                        .getConfigurationParameter(BaselineRun.MODE_KEY)
                        .map(m -> m.trim().equals("sequential"))
                        .orElse(false)));
    return new BurnInGate(spec, baseline);
  }

  /**
   * A method is one gate: a burn-in smoke-checks too, and the deploy annotations each build, watch
   * or decide on their own. {@code @HealthySmoke} with {@code @BurnIn} is named by {@link
   * #stackSpec}.
   */
  private static void oneGateAnnotation(Method method) {
    List<String> found = new ArrayList<>();
    for (Class<? extends Annotation> type :
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

  /** The {@code @LogAllow}s of the test class and of the method, in that order. */
  private static List<LogAllow> logAllows(ExtensionContext context) {
    List<LogAllow> allows = new ArrayList<>();
    allows.addAll(
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestClass(), LogAllow.class));
    allows.addAll(
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestMethod(), LogAllow.class));
    return allows;
  }

  private static GateSettings settings(ExtensionContext context, Iterable<String> services) {
    return GateSettings.read(context::getConfigurationParameter, services);
  }

  /** A {@code @HealthySmoke} or {@code @BurnIn}: the annotations, the compose project, the keys. */
  private static GateSpec stackSpec(ExtensionContext context, String id) {
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
        id,
        context.getDisplayName(),
        plan.isPresent() ? GateKind.BURN_IN : GateKind.HEALTHY_SMOKE,
        composeAttribute,
        compose,
        startup,
        settle,
        smokes,
        logAudit(logAllows(context), compose, settings),
        settings,
        plan,
        loads);
  }

  private static LogAudit logAudit(
      List<LogAllow> allows, ComposeFile compose, GateSettings settings) {
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
