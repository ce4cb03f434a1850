package dev.stagegate.report.checklist;

import dev.stagegate.report.CheckResult;

/**
 * The names of the checks the gates write and the checklists read: both sides use these, so a
 * renamed check cannot silently turn a checklist item manual. Prefixed names ({@link #SMOKE},
 * {@link #HOOK}) are followed by what was checked.
 *
 * <pre>{@code
 * checks.add(CheckResult.pass(CheckName.ALL_SERVICES_HEALTHY.id(), "4 services healthy", ""));
 * checks.add(CheckResult.pass(CheckName.SMOKE.named("GET api:8000/health"), "status 200", ""));
 * }</pre>
 */
public enum CheckName {
  /** Every service with a {@code build:} section rebuilt without cache. */
  NO_CACHE_BUILD("no-cache build", false),
  /** Every service healthy (or running, or a one-shot job exited 0) after {@code up}. */
  ALL_SERVICES_HEALTHY("all services healthy", false),
  /** One {@code @SmokeCheck}: {@code smoke GET api:8000/health}. */
  SMOKE("smoke ", true),
  /** The deployment marker, prepared (deploy check) or on the target (post-deploy watch). */
  DEPLOYMENT_MARKER("deployment marker", false),
  /** Outside the blocked deploy window. */
  DEPLOY_WINDOW("deploy window", false),
  /**
   * Inside the blocked deploy window, let through by an override with a recorded reason: the
   * checklists show it as accepted, never as done.
   */
  DEPLOY_WINDOW_OVERRIDDEN("deploy window overridden", false),
  /** One post-deploy hook: {@code hook health /health}. */
  HOOK("hook ", true),
  /** The post-deploy watch itself. */
  WATCH("watch", false),
  /** Every running container of the target runs the image ID the approval names. */
  APPROVED_IMAGES("approved images", false);

  /** Hook names of health hooks start with this ({@code health /health}). */
  public static final String HEALTH_HOOK = "health";

  private final String id;
  private final boolean prefix;

  CheckName(String id, boolean prefix) {
    this.id = id;
    this.prefix = prefix;
  }

  /** The check's name; for a prefixed name, the prefix. */
  public String id() {
    return id;
  }

  /**
   * The name of one check of a prefixed kind: {@code SMOKE.named("GET /health")} is {@code smoke
   * GET /health}.
   *
   * @throws IllegalStateException for a name that takes no suffix
   */
  public String named(String what) {
    if (!prefix) {
      throw new IllegalStateException(name() + " is a whole check name: use id()");
    }
    return id + what;
  }

  /** Whether {@code check} is of this kind. */
  public boolean matches(CheckResult check) {
    return prefix ? check.name().startsWith(id) : check.name().equals(id);
  }
}
