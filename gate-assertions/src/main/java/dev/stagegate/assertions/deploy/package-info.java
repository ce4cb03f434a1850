/**
 * Post-deploy health hooks, run in parallel and judged together like a composite health check.
 *
 * <p>A {@link dev.stagegate.assertions.deploy.DeployHook} checks one thing (the health endpoint,
 * the database port, {@code pg_isready} in the database container, a Prometheus gauge); a {@link
 * dev.stagegate.assertions.deploy.HookRunner} runs them all at once, each with its own timeout, and
 * returns a {@link dev.stagegate.assertions.deploy.HookReport}:
 *
 * <pre>{@code
 * HookReport report =
 *     HookRunner.of(
 *             HttpJsonHook.get(URI.create("http://127.0.0.1:8080/health"))
 *                 .expectJson("{\"status\":\"ok\",\"db_ready\":true}")
 *                 .named("health"),
 *             TcpConnectHook.to("127.0.0.1", 5432).named("db-port"),
 *             MetricHook.prometheus(URI.create("http://127.0.0.1:8080/metrics"))
 *                 .expect("system_state_status", 0))
 *         .withTimeout(Duration.ofSeconds(5))
 *         .run();
 * DeployAssertions.assertThat(report).allPassed();
 * }</pre>
 *
 * <p>No Docker here: {@link dev.stagegate.assertions.deploy.ExecHook} runs commands through a
 * {@link dev.stagegate.assertions.deploy.CommandRunner} that gate-junit implements with {@code
 * docker exec}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.stagegate.assertions.deploy;

import org.apiguardian.api.API;
