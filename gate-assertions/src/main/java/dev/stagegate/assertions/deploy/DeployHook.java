package dev.stagegate.assertions.deploy;

/**
 * One post-deploy check, such as "the connection pool reports ready". Implement it for checks the
 * built-in hooks ({@link HttpJsonHook}, {@link TcpConnectHook}, {@link ExecHook}, {@link
 * MetricHook}) do not cover, and run it with a {@link HookRunner}.
 *
 * <pre>{@code
 * DeployHook pool = new DeployHook() {
 *   public String name() { return "pool"; }
 *
 *   public HookOutcome check(HookContext ctx) throws Exception {
 *     int idle = poolStats().idle();
 *     return idle > 0
 *         ? HookOutcome.pass(idle + " idle connections")
 *         : HookOutcome.fail("no idle connection in the pool");
 *   }
 * };
 * }</pre>
 *
 * <p>The runner calls {@link #check} on a thread of its own and interrupts that thread at the
 * hook's deadline ({@link HookContext#deadline()}), so a hook should use interruptible waits (or
 * the deadline) rather than blocking forever; a hook that ignores the interrupt is still reported
 * as timed out, but its thread lingers until it returns.
 */
public interface DeployHook {
  /** The name reports use for this hook, e.g. {@code "db-port"}; unique within one run. */
  String name();

  /**
   * Runs the check once.
   *
   * @return whether it passed, with a one-sentence detail and the raw evidence
   * @throws Exception for any failure the hook does not turn into an outcome itself; the runner
   *     reports it as a failure with the exception's message
   */
  HookOutcome check(HookContext ctx) throws Exception;
}
