package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.GateStack;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * An outage drill during a burn-in's watch: stops one service of the running stack the way an
 * operator (or a host's shutdown) would, {@code docker stop}: the service's stop signal, SIGKILL
 * after the grace period. A burn-in's method body runs before its watch, so the stop is scheduled
 * from there and happens while the gate watches; the gate then judges what the stack did about it.
 */
final class ServiceOutage {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "agents-outage-drill");
            t.setDaemon(true);
            return t;
          });

  private ServiceOutage() {}

  /**
   * Stops {@code service} {@code delay} from now. A gate that ended before then has removed the
   * container: the stop then has nothing to do, and its error is not the drill's business.
   */
  static void stopAfter(GateStack stack, String service, Duration delay) {
    String container = stack.containerId(service);
    TIMER.schedule(
        () -> {
          try {
            System.out.println("[agents] outage drill: docker stop " + service);
            DockerClientFactory.instance()
                .client()
                .stopContainerCmd(container)
                .withTimeout(20)
                .exec();
          } catch (RuntimeException e) {
            System.out.println("[agents] outage drill: " + service + " was already gone: " + e);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
