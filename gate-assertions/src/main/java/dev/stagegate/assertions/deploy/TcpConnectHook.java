package dev.stagegate.assertions.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * Passes when a TCP connection to {@code host:port} opens within the hook's timeout, e.g. the
 * database port after a deploy. Nothing is sent; the connection is closed at once. Immutable.
 *
 * <pre>{@code
 * TcpConnectHook.to("127.0.0.1", 5432).named("db-port");
 * // fails with: cannot connect to 127.0.0.1:5432: ConnectException: Connection refused
 * }</pre>
 *
 * <p>A refused connection fails at once; one that neither opens nor is refused (a firewall dropping
 * packets) runs into the hook's timeout and is reported as {@link HookStatus#TIMEOUT}. The wait is
 * a selector, which the runner's interrupt ends, unlike {@code Socket.connect}.
 */
public final class TcpConnectHook implements DeployHook {
  // See HttpGet.GRACE: the runner's timeout, not this, is what normally ends a hanging connect.
  private static final Duration GRACE = Duration.ofSeconds(1);

  private final String name;
  private final String host;
  private final int port;

  private TcpConnectHook(String name, String host, int port) {
    this.name = name;
    this.host = host;
    this.port = port;
  }

  /** A hook connecting to {@code host:port}; named {@code "tcp <host>:<port>"}. */
  public static TcpConnectHook to(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535 but was " + port);
    }
    return new TcpConnectHook("tcp " + host + ":" + port, host, port);
  }

  /** This hook under another name. */
  public TcpConnectHook named(String name) {
    return new TcpConnectHook(Objects.requireNonNull(name, "name"), host, port);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    String target = host + ":" + port;
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      return HookOutcome.fail("cannot connect to " + target + ": the host name does not resolve");
    }
    long start = System.nanoTime();
    long end = start + ctx.remaining().plus(GRACE).toNanos();
    try (SocketChannel channel = SocketChannel.open();
        Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      if (!channel.connect(address)) {
        channel.register(selector, SelectionKey.OP_CONNECT);
        while (!channel.finishConnect()) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            return HookOutcome.fail(
                "cannot connect to "
                    + target
                    + ": no answer within "
                    + Texts.seconds(Duration.ofNanos(System.nanoTime() - start)));
          }
          selector.select(Math.max(1, left / 1_000_000));
          if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while connecting to " + target);
          }
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return HookOutcome.pass("connected to " + target + " in " + millis + " ms");
    } catch (IOException e) {
      return HookOutcome.fail("cannot connect to " + target + ": " + Texts.describe(e));
    }
  }

  @Override
  public String toString() {
    return "TcpConnectHook[" + name + "]";
  }
}
