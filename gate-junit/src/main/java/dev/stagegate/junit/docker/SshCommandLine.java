package dev.stagegate.junit.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ssh command that forwards the local socket to the engine's socket on the host. */
final class SshCommandLine {
  private SshCommandLine() {}

  /**
   * The ssh command line. Order matters: for -o options ssh keeps the first value it sees, so the
   * options the tunnel cannot work without come before the user's, and the defaults a user may
   * change come after them.
   */
  static List<String> of(SshTunnel.Target target, SshTunnel.Settings settings, Path localSocket) {
    List<String> c = new ArrayList<>();
    c.add("ssh");
    // Never prompt: there is no terminal; a prompt would hang the gate instead of failing it.
    c.add("-o");
    c.add("BatchMode=yes");
    // Without the forwarding the process is useless; exit instead of idling.
    c.add("-o");
    c.add("ExitOnForwardFailure=yes");
    // No multiplexing: a ControlPersist master forked by this ssh would outlive close(), and the
    // forwarding must belong to this process.
    c.add("-o");
    c.add("ControlPath=none");
    c.addAll(settings.options());
    c.add("-o");
    c.add("ConnectTimeout=10");
    // A watch lasts minutes: notice a dead connection within ~45 s rather than hanging on it.
    c.add("-o");
    c.add("ServerAliveInterval=15");
    c.add("-o");
    c.add("ServerAliveCountMax=3");
    c.add("-nNT");
    c.add("-L");
    c.add(localSocket + ":" + settings.remoteSocket());
    target.user().ifPresent(u -> c.addAll(List.of("-l", u)));
    target.port().ifPresent(p -> c.addAll(List.of("-p", Integer.toString(p))));
    c.add("--");
    c.add(target.host());
    return List.copyOf(c);
  }
}
