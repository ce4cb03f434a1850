package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.GateStack;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;

/**
 * An outage drill: stops one service of the running gate stack a while after the gate method
 * returned, so it happens during the burn-in's watch. The container is stopped the way an operator
 * (or a host's shutdown) would: {@code docker stop}, the service's stop signal, then SIGKILL after
 * the grace period.
 */
final class ServiceOutage {
  private ServiceOutage() {}

  /** Stops {@code service} {@code after} from now, on a daemon thread. */
  static void stopLater(GateStack stack, String service, Duration after) {
    String container = stack.containerId(service);
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(after.toMillis());
                DockerClientFactory.instance()
                    .client()
                    .stopContainerCmd(container)
                    .withTimeout(20)
                    .exec();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                // the gate may already have torn the stack down: nothing left to stop
              }
            },
            "outage-" + service);
    stopper.setDaemon(true);
    stopper.start();
  }
}
