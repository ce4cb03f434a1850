package dev.stagegate.junit;

import dev.stagegate.assertions.deploy.DeployHook;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a post-deploy watch: a stack already deployed (by compose, on a Docker host given
 * by URL) is checked and watched in place. Nothing is built, started or torn down.
 *
 * <pre>{@code
 * @PostDeployWatch(minutes = 10, project = "agents", markerService = "api",
 *                  environment = "staging", healthPath = "/health",
 *                  healthJson = "{\"status\":\"ok\",\"db_ready\":true}",
 *                  metricsPath = "/metrics", metrics = {"system_state_status=0"},
 *                  hooks = {MyDbHook.class}, hooksEvery = "PT1M")
 * void deployedStagingIsHealthy() {}
 * }</pre>
 *
 * <p>In order, collecting every failure: the deployment marker in {@link #markerService()} must
 * name HEAD (or {@code stagegate.deploy.expected-commit}) and the environment; the hooks run once,
 * in parallel; the method body runs; then the stack is watched for the duration (a die, OOM kill,
 * kill, unhealthy turn or crash signature in a log fails it at once) with the hooks re-run every
 * {@link #hooksEvery()}. The result goes to the audit and to the deployment log.
 *
 * <p>The target: {@code stagegate.deploy.docker-host} (else {@link #dockerHost()}, else {@code
 * DOCKER_HOST}); the containers labelled {@code com.docker.compose.project=<project>} ({@code
 * stagegate.deploy.project} overrides {@link #project()}); HTTP hooks against {@code
 * stagegate.deploy.base-url} (else {@link #baseUrl()}). Give at most one of {@link #minutes()} and
 * {@link #duration()} (default 10 minutes); {@code stagegate.deploy.watch.duration} overrides it
 * and the audit then says so.
 *
 * <p>The Docker host is {@code tcp://host:port}, {@code unix:///path} or {@code
 * ssh://[user@]host[:port]}. An ssh host is reached through the local OpenSSH client, which
 * forwards a private unix socket to the engine's socket on the host ({@code
 * stagegate.deploy.ssh.socket}, default {@code /var/run/docker.sock}); the user's ssh config, agent
 * and known_hosts apply, ssh never prompts ({@code BatchMode=yes}), and {@code
 * stagegate.deploy.ssh.options} adds ssh arguments such as {@code -i ~/.ssh/deploy}. The host's
 * sshd must allow socket forwarding.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(StageGateExtension.class)
public @interface PostDeployWatch {
  /** Duration in minutes. */
  int minutes() default 0;

  /** Duration as ISO-8601, e.g. {@code PT10M}. */
  String duration() default "";

  /** The compose project of the deployed stack. */
  String project() default "";

  /** The service whose container holds {@code /app/.deployment_marker}; empty: not checked. */
  String markerService() default "";

  /** The environment the marker must name, e.g. {@code staging}; empty: not checked. */
  String environment() default "";

  /** The version the marker must name; empty: not checked ({@code stagegate.deploy.version}). */
  String version() default "";

  /**
   * The target's Docker host, e.g. {@code tcp://10.0.0.5:2375} or {@code ssh://deploy@host:22}
   * (through the local ssh client; see the class comment).
   */
  String dockerHost() default "";

  /** The base URL HTTP hooks resolve against, e.g. {@code http://10.0.0.5:8000}. */
  String baseUrl() default "";

  /** A health endpoint, relative to the base URL; empty: no health hook. */
  String healthPath() default "";

  /** JSON the health body must contain (a subset match); empty: status 200 suffices. */
  String healthJson() default "";

  /** A Prometheus endpoint, relative to the base URL. */
  String metricsPath() default "/metrics";

  /**
   * Metric expectations {@code name=value} or {@code name{label="x"}=value}, read from metricsPath.
   */
  String[] metrics() default {};

  /** Hooks of your own, each with a public no-arg constructor. */
  Class<? extends DeployHook>[] hooks() default {};

  /** Re-run the hooks this often during the watch (ISO-8601); empty: only at the start. */
  String hooksEvery() default "";
}
