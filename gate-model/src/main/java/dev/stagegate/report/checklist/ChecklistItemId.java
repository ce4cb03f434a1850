package dev.stagegate.report.checklist;

/**
 * Every item of the deploy checklists, keyed by this id rather than by its text, with the checklist
 * it belongs to and the text shown. The order within a checklist is the order shown.
 *
 * <pre>{@code
 * ChecklistItem migrations = checklist.item(ChecklistItemId.MIGRATIONS_APPLIED).orElseThrow();
 * }</pre>
 */
public enum ChecklistItemId {
  // Staging gate
  /** Every service with a {@code build:} section rebuilt with {@code --no-cache}. */
  REBUILT_WITHOUT_CACHE(ChecklistId.STAGING_GATE, "Rebuilt without cache"),
  /** The {@code all services healthy} check passed and nothing turned unhealthy later. */
  EVERY_SERVICE_HEALTHY(ChecklistId.STAGING_GATE, "Every service healthy"),
  /** No restart, unexpected exit or OOM kill in the staging gates. */
  ZERO_RESTARTS(ChecklistId.STAGING_GATE, "Zero restarts, exits and OOM kills"),
  /** The burn-in's memory and CPU trends. */
  NO_LEAK_OR_CPU_TREND(ChecklistId.STAGING_GATE, "No memory leak or CPU trend"),
  /** No log finding in the staging gates. */
  STAGING_NO_LOG_ERRORS(ChecklistId.STAGING_GATE, "No errors in logs"),
  /** Every {@code @SmokeCheck} passed. */
  SMOKE_CHECKS_PASSED(ChecklistId.STAGING_GATE, "Smoke checks passed"),

  // Pre-deployment (the seed's)
  /** Manual: the pull request's review. */
  CODE_REVIEW(ChecklistId.PRE_DEPLOYMENT, "Code review approved"),
  /** The Surefire and Failsafe reports of the run. */
  TESTS_PASSING(ChecklistId.PRE_DEPLOYMENT, "Tests passing"),
  /** The staging gates' verdicts. */
  STAGING_VERIFIED(ChecklistId.PRE_DEPLOYMENT, "Staging verification passed (smoke and burn-in)"),
  /** The one-shot jobs (e.g. {@code migrate}) of the staging gates exited 0. */
  MIGRATIONS_TESTED(ChecklistId.PRE_DEPLOYMENT, "Database migrations tested in staging"),
  /** The approval check. */
  AUDIT_APPROVED(ChecklistId.PRE_DEPLOYMENT, "Audit approved and unchanged since"),
  /** A rollback drill's verdict. */
  ROLLBACK_PROVEN(ChecklistId.PRE_DEPLOYMENT, "Rollback plan proven (rollback drill)"),
  /** The deploy check's marker check. */
  MARKER_PREPARED(ChecklistId.PRE_DEPLOYMENT, "Deployment marker prepared"),
  /** The deploy policy's window; an override is accepted, never done. */
  DEPLOY_WINDOW(ChecklistId.PRE_DEPLOYMENT, "Outside the blocked deploy window"),
  /** Manual: the rota. */
  ON_CALL(ChecklistId.PRE_DEPLOYMENT, "On-call engineer available"),

  // During deployment (the seed's)
  /** The post-deploy watch read the marker on the target. */
  MARKER_ON_TARGET(ChecklistId.DURING_DEPLOYMENT, "Deployment marker verified on the target"),
  /** Every running container of the target runs the approved image ID. */
  RUNNING_APPROVED_IMAGES(ChecklistId.DURING_DEPLOYMENT, "Deployed images are the approved ones"),
  /** The target's one-shot jobs (e.g. {@code migrate}) exited 0. */
  MIGRATIONS_APPLIED(ChecklistId.DURING_DEPLOYMENT, "Migrations applied"),
  /** Every long-running service of the target running, and healthy where it has a healthcheck. */
  WORKERS_STARTED(ChecklistId.DURING_DEPLOYMENT, "Background workers started"),
  /** The target's services started and its health hook answered. */
  CONFIGURATION_LOADED(ChecklistId.DURING_DEPLOYMENT, "Configuration loaded"),
  /** A health hook's JSON said {@code "db_ready": true}. */
  DATABASE_REACHABLE(ChecklistId.DURING_DEPLOYMENT, "Database reachable"),
  /** The post-deploy watch's health hooks. */
  HEALTH_CHECKS_PASS(ChecklistId.DURING_DEPLOYMENT, "Health checks pass"),

  // Post-deployment, system-facing (the seed's)
  /** No log finding on the target during the watch. */
  TARGET_NO_LOG_ERRORS(ChecklistId.POST_DEPLOYMENT_SYSTEM, "No errors in logs"),
  /** A metric hook read {@code system_state_status} 0. */
  SYSTEM_STATE_STATUS(ChecklistId.POST_DEPLOYMENT_SYSTEM, "system_state_status is 0"),
  /** The watch ran its whole requested duration without a failure. */
  WATCH_COMPLETED(ChecklistId.POST_DEPLOYMENT_SYSTEM, "Post-deploy watch completed"),
  /** Manual: error rate and latency on the dashboards. */
  MONITORING_NORMAL(
      ChecklistId.POST_DEPLOYMENT_SYSTEM, "Error rate and latency normal on the dashboards"),

  // Post-deployment, user-facing (the seed's): nothing in the evidence exercises them
  /** Manual: a person signs in. */
  USERS_CAN_SIGN_IN(ChecklistId.POST_DEPLOYMENT_USER, "Users can sign in"),
  /** Manual: the main pages and flows. */
  CORE_FLOWS_WORK(ChecklistId.POST_DEPLOYMENT_USER, "Core user flows work"),
  /** Manual: a test payment. */
  PAYMENTS_WORK(ChecklistId.POST_DEPLOYMENT_USER, "Payment processing works");

  private final ChecklistId checklist;
  private final String text;

  ChecklistItemId(ChecklistId checklist, String text) {
    this.checklist = checklist;
    this.text = text;
  }

  /** The checklist the item belongs to. */
  public ChecklistId checklist() {
    return checklist;
  }

  /** What is to be checked, as shown, e.g. {@code Migrations applied}. */
  public String text() {
    return text;
  }
}
