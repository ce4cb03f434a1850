package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method the check a pipeline runs right before it deploys: it passes only when the deploy
 * policy allows the deploy, and otherwise fails saying which rule refused and how to get past it.
 * Nothing is built or started.
 *
 * <pre>{@code
 * @PreDeployCheck(audit = "target/stagegate/stability_audit.md",
 *                 markerFile = "services/api/.deployment_marker", environment = "staging")
 * void stagingDeployIsAllowed() {}
 * }</pre>
 *
 * <p>What it checks, collecting every refusal: the reviewed {@link #audit()} is approved (the
 * record {@code stability_audit.approval.json} next to it, written by {@code ApprovalCli approve}),
 * unchanged since (SHA-256 of the Markdown and of its JSON twin), for the commit being deployed
 * (HEAD, or {@code stagegate.deploy.expected-commit}) and with verdict PASS; the deploy window
 * ({@code stagegate.policy.blocked-window}, overridable with a recorded {@code
 * stagegate.policy.override-reason}); the deployment marker prepared in {@link #markerFile()} names
 * that commit and {@link #environment()}; and, when {@code stagegate.policy.require-rollback-drill}
 * is set, that the audit holds a passing {@code @RollbackDrill}. The result is written to the audit
 * in {@code stagegate.report.dir}, which must not be the approved audit's directory (that audit
 * would change under its approval).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(StageGateExtension.class)
public @interface PreDeployCheck {
  /**
   * The reviewed audit (Markdown), relative to the working directory; {@code
   * stagegate.approval.audit} overrides it.
   */
  String audit() default "target/stagegate/stability_audit.md";

  /**
   * The approval record; empty: {@code stability_audit.approval.json} next to the audit ({@code
   * stagegate.approval.file} overrides it).
   */
  String approval() default "";

  /**
   * The deployment marker the build prepared, e.g. {@code services/api/.deployment_marker}; empty:
   * not checked ({@code stagegate.deploy.marker-file} overrides it).
   */
  String markerFile() default "";

  /** The environment the marker must name, e.g. {@code staging}; empty: not checked. */
  String environment() default "";

  /** The version the marker must name; empty: not checked ({@code stagegate.deploy.version}). */
  String version() default "";
}
