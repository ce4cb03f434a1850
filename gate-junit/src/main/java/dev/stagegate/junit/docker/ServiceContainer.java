package dev.stagegate.junit.docker;

/**
 * A container of the running stack, found by the run's label.
 *
 * @param service the compose service
 * @param id the container id
 * @param name the container name without the leading slash
 */
public record ServiceContainer(String service, String id, String name) {}
