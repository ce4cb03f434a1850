package dev.stagegate.report.checklist;

/** Where a checklist item stands, by the evidence. */
public enum ItemState {
  /** The evidence shows it done. */
  DONE("✅"),
  /** The evidence shows it failed. */
  FAILED("❌"),
  /** The evidence does not say: a person checks it. */
  MANUAL("✋"),
  /**
   * Not done as required, but a reviewer accepted it with a recorded reason (e.g. a shortened
   * burn-in approved with {@code --accept}). Never shown as done.
   */
  ACCEPTED("⚠️");

  private final String symbol;

  ItemState(String symbol) {
    this.symbol = symbol;
  }

  /** ✅, ❌, ✋ or ⚠️. */
  public String symbol() {
    return symbol;
  }
}
