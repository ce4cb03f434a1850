package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.GateStack;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;

/**
 * An outage drill inside a gate's method body: stops one service of the running stack the way an
 * operator (or a host's shutdown) would, {@code docker stop}: the service's stop signal, SIGKILL
 * after the grace period. The gate then judges what the stack did about it.
 */
final class ServiceOutage {
  private ServiceOutage() {}

  /** Stops {@code service} now and returns when its container has stopped. */
  static void stop(GateStack stack, String service) {
    DockerClientFactory.instance()
        .client()
        .stopContainerCmd(stack.containerId(service))
        .withTimeout(20)
        .exec();
  }

  /** Gives the other services {@code time} to notice the outage (retries, reconnects, errors). */
  static void letTheOthersReact(Duration time) throws InterruptedException {
    Thread.sleep(time.toMillis());
  }
}
