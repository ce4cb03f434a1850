package dev.stagegate.report;

import java.time.Instant;

/**
 * One run of a container's healthcheck, as {@code docker inspect} keeps it.
 *
 * @param start when the probe started
 * @param exitCode the probe's exit code (0 healthy)
 * @param output what the probe printed
 */
public record HealthProbe(Instant start, int exitCode, String output) {}
