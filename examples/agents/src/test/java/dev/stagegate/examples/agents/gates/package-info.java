/**
 * Gate classes run through {@code EngineTestKit} by the agents example's tests: the good stack's
 * burn-in and one variant per failure of real software. Their names end in {@code Gate} so that
 * Failsafe does not run them directly.
 */
package dev.stagegate.examples.agents.gates;
