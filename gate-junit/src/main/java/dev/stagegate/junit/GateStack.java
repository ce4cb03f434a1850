package dev.stagegate.junit;

import java.net.URI;
import java.util.List;

/**
 * The running stack, for checks of your own in the body of a gate method.
 *
 * <pre>{@code
 * @HealthySmoke
 * void agentsAreListed(GateStack stack) {
 *   HttpReply reply = stack.get("api", 8000, "/api/v1/agents/list");
 *   assertThat(reply.body()).contains("planner");
 *   assertThat(stack.exec("worker", "cat", "/tmp/heartbeat").exitCode()).isZero();
 * }
 * }</pre>
 */
public interface GateStack {
  /** The compose services, in file order. */
  List<String> services();

  /** The address at which published ports are reached from the test. */
  String host();

  /**
   * The host port a service's container port is published on.
   *
   * @throws AssertionError when the port is not published
   */
  int port(String service, int containerPort);

  /** {@code http://host:hostPort/path} for a service's container port. */
  URI uri(String service, int containerPort, String path);

  /** An HTTP GET; a connection failure is an {@link AssertionError} that names the service. */
  HttpReply get(String service, int containerPort, String path);

  /** Runs a command in the service's container and waits for it. */
  ExecResult exec(String service, String... command);

  /** The id of the service's container. */
  String containerId(String service);
}
