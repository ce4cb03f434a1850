package dev.stagegate.assertions.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DeployHook} gets to work with: its deadline, the stack's base URI when one is
 * configured, and a {@link CommandRunner} when the gate can run commands in services. Immutable;
 * every {@code with...} returns a new context.
 *
 * <pre>{@code
 * HookContext ctx = HookContext.until(Instant.now().plusSeconds(5))
 *     .withBaseUri(URI.create("http://127.0.0.1:8080/"));
 * ctx.resolve(URI.create("/health"));   // http://127.0.0.1:8080/health
 * }</pre>
 *
 * <p>The {@link HookRunner} builds one per hook, with that hook's own deadline.
 */
public final class HookContext {
  private final Instant deadline;
  private final URI baseUri;
  private final CommandRunner commandRunner;

  private HookContext(Instant deadline, URI baseUri, CommandRunner commandRunner) {
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.baseUri = baseUri;
    this.commandRunner = commandRunner;
  }

  /** A context whose hook must be done by {@code deadline}, with no base URI and no runner. */
  public static HookContext until(Instant deadline) {
    return new HookContext(deadline, null, null);
  }

  /** This context with another deadline. */
  public HookContext withDeadline(Instant deadline) {
    return new HookContext(deadline, baseUri, commandRunner);
  }

  /** This context with the base URI that relative hook URIs resolve against. */
  public HookContext withBaseUri(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    if (!baseUri.isAbsolute()) {
      throw new IllegalArgumentException(
          "base URI must be absolute, e.g. http://127.0.0.1:8080/, but was " + baseUri);
    }
    return new HookContext(deadline, baseUri, commandRunner);
  }

  /** This context with a runner for commands inside services. */
  public HookContext withCommandRunner(CommandRunner commandRunner) {
    return new HookContext(deadline, baseUri, Objects.requireNonNull(commandRunner, "runner"));
  }

  /** When the hook's time is up; the runner interrupts the hook then. */
  public Instant deadline() {
    return deadline;
  }

  /** Time left until the deadline, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The base URI of the deployed stack, if configured. */
  public Optional<URI> baseUri() {
    return Optional.ofNullable(baseUri);
  }

  /** The runner for commands inside services, if the gate has one. */
  public Optional<CommandRunner> commandRunner() {
    return Optional.ofNullable(commandRunner);
  }

  /**
   * {@code uri} itself if absolute, else resolved against the base URI.
   *
   * @throws IllegalStateException if {@code uri} is relative and no base URI is configured
   */
  public URI resolve(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.isAbsolute()) {
      return uri;
    }
    if (baseUri == null) {
      throw new IllegalStateException(
          "relative URI "
              + uri
              + " needs a base URI, but none is configured; use an absolute URI or"
              + " HookRunner.withBaseUri(...)");
    }
    return baseUri.resolve(uri);
  }
}
