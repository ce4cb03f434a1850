package dev.stagegate.report.checklist;

/**
 * The deploy checklists, in the order the audit shows them: stagegate's staging gate, then the
 * seed's ({@code deployment-safety}, seed 004) pre-deployment, during-deployment and the two
 * post-deployment verification lists, system-facing and user-facing.
 */
public enum ChecklistId {
  /** The staging gate's checklist: what the smoke gate and burn-in prove. */
  STAGING_GATE("Staging gate"),
  /** The seed's pre-deployment checklist. */
  PRE_DEPLOYMENT("Pre-deployment"),
  /** The seed's during-deployment checklist. */
  DURING_DEPLOYMENT("During deployment"),
  /** The seed's post-deployment verification, system-facing. */
  POST_DEPLOYMENT_SYSTEM("Post-deployment: system-facing"),
  /** The seed's post-deployment verification, user-facing: manual unless a hook proves it. */
  POST_DEPLOYMENT_USER("Post-deployment: user-facing");

  private final String title;

  ChecklistId(String title) {
    this.title = title;
  }

  /** The heading, e.g. {@code Pre-deployment}. */
  public String title() {
    return title;
  }
}
