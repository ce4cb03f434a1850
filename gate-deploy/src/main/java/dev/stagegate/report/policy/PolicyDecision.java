package dev.stagegate.report.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the {@link DeployPolicy} decided: the rules that block the deploy, and the overrides used.
 *
 * <pre>{@code
 * PolicyDecision d = policy.evaluate(facts);
 * if (!d.allowed()) {
 *   d.blocks().forEach(b -> System.err.println(b.sentence()));
 * }
 * d.overrides();   // ["deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123"]
 * }</pre>
 *
 * @param blocks every rule that blocks, in rule order; empty when the deploy is allowed
 * @param overrides one sentence per rule that would have blocked but was overridden with a reason
 */
public record PolicyDecision(List<PolicyBlock> blocks, List<String> overrides) {
  public PolicyDecision {
    blocks = List.copyOf(blocks);
    overrides = List.copyOf(overrides);
  }

  /** Whether no rule blocks the deploy. */
  public boolean allowed() {
    return blocks.isEmpty();
  }

  /** The block of {@code rule}, if it blocks. */
  public Optional<PolicyBlock> block(String rule) {
    return blocks.stream().filter(b -> b.rule().equals(rule)).findFirst();
  }
}
