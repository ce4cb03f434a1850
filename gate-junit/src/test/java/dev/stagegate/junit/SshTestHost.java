package dev.stagegate.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The loopback sshd of {@code scripts/sshd-setup.sh}: {@code ssh://root@127.0.0.1:2222} in front of
 * the local engine, with its own client key and known_hosts so nothing in ~/.ssh is used or
 * changed.
 */
final class SshTestHost {
  static final Path STATE =
      Path.of(System.getenv().getOrDefault("STAGEGATE_SSHD_DIR", "/var/lib/stagegate-sshd"));
  static final int PORT = 2222;
  static final String URL = "ssh://root@127.0.0.1:" + PORT;
  static final Path CLIENT_KEY = STATE.resolve("client_ed25519");
  static final Path KNOWN_HOSTS = STATE.resolve("known_hosts");

  private SshTestHost() {}

  /** Whether the setup ran: the client key exists and something answers with an SSH banner. */
  static boolean available() {
    if (!Files.isReadable(CLIENT_KEY)) {
      return false;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
      s.setSoTimeout(2000);
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("SSH-");
    } catch (IOException e) {
      return false;
    }
  }

  static final String UNAVAILABLE =
      "needs the test sshd on 127.0.0.1:2222: run scripts/sshd-setup.sh";

  /** stagegate.deploy.ssh.options for the test server: its key, its pinned host key. */
  static String options() {
    return options(CLIENT_KEY);
  }

  static String options(Path key) {
    return "-i "
        + key
        + " -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="
        + KNOWN_HOSTS;
  }

  /** ssh processes this JVM started and that still run. */
  static List<ProcessHandle> sshChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
        .toList();
  }

  /** The tunnels' socket directories that exist now. */
  static Set<Path> tunnelDirs() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> s = Stream.concat(Files.list(tmp), Files.list(Path.of("/tmp")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("stagegate-ssh-"))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new AssertionError("cannot list " + tmp, e);
    }
  }
}
