package dev.stagegate.junit.gate;

import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.ServiceEvidence;
import java.util.List;

/**
 * What a {@link GateRun} collected from its stack before the teardown.
 *
 * @param services each service's evidence; empty when the engine was not there to ask
 * @param burnIn the burn-in's summary with its loads; {@code null} without a burn-in, or when it
 *     could not be summarised
 */
record CollectedEvidence(List<ServiceEvidence> services, BurnInEvidence burnIn) {}
