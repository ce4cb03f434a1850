package dev.stagegate.report;

/** Which annotation drove a gate. */
public enum GateKind {
  HEALTHY_SMOKE,
  BURN_IN
}
