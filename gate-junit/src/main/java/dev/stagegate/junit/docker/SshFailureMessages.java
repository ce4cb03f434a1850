package dev.stagegate.junit.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What the gate says when ssh did not open the tunnel: who was called, what ssh said, and the usual
 * remedy in the terms of this library's configuration.
 */
final class SshFailureMessages {
  private static final String OPTIONS_KEY = SshTunnel.OPTIONS_KEY;

  private SshFailureMessages() {}

  /** ssh ended (with {@code exitCode}) before the local socket appeared. */
  static String exited(
      SshTunnel.Target target,
      String url,
      String configKey,
      int exitCode,
      String stderr,
      Path socket,
      String commandLine) {
    return "ssh to "
        + target.display()
        + " (Docker host "
        + url
        + ", "
        + configKey
        + ") exited with code "
        + exitCode
        + " before the tunnel was up"
        + SshStderrText.saidClause(stderr)
        + ". "
        + fixFor(target, socket, stderr)
        + " The command was: "
        + commandLine;
  }

  /** ssh still ran when {@code timeout} passed, but the local socket had not appeared. */
  static String timedOut(
      SshTunnel.Target target,
      String url,
      String configKey,
      Duration timeout,
      String stderr,
      String commandLine) {
    return "ssh to "
        + target.display()
        + " (Docker host "
        + url
        + ", "
        + configKey
        + ") did not open the tunnel within "
        + timeout.toSeconds()
        + " s"
        + SshStderrText.saidClause(stderr)
        + ". Check that the host answers and that login needs no interaction; run by"
        + " hand with -v: "
        + commandLine;
  }

  /** The usual remedy for what ssh said, in the terms of this library's configuration. */
  static String fixFor(SshTunnel.Target target, Path socket, String said) {
    String s = said.toLowerCase(Locale.ROOT);
    String loginUser = target.user().map(u -> "\"" + u + "\"").orElse("the ssh user");
    String sshByHand =
        "ssh"
            + (target.port().isPresent() ? " -p " + target.port().getAsInt() : "")
            + " "
            + target.user().map(u -> u + "@").orElse("")
            + target.host();
    if (s.contains("permission denied")) {
      return "The host refused every key ssh offered for "
          + loginUser
          + ": authorize the public key on the host (~/.ssh/authorized_keys of that user), load"
          + " the key into ssh-agent or pass it as -i <key> in "
          + OPTIONS_KEY
          + ". ssh runs with BatchMode=yes, so it never asks for a password or passphrase.";
    }
    if (s.contains("host key verification failed")
        || s.contains("remote host identification has changed")) {
      return "ssh does not know (or no longer trusts) the host's key and never asks (BatchMode):"
          + " connect once by hand ("
          + sshByHand
          + ") and accept the key, add it with ssh-keyscan"
          + (target.port().isPresent() ? " -p " + target.port().getAsInt() : "")
          + " "
          + target.host()
          + " >> ~/.ssh/known_hosts, or add -o StrictHostKeyChecking=accept-new to "
          + OPTIONS_KEY
          + ".";
    }
    if (s.contains("connection refused")) {
      return "Nothing accepts ssh connections at "
          + target.host()
          + " port "
          + (target.port().isPresent() ? target.port().getAsInt() : "22 (or ~/.ssh/config's)")
          + ": check the port in the URL and that sshd runs on the host.";
    }
    if (s.contains("could not resolve hostname") || s.contains("name or service not known")) {
      return "The host name does not resolve: check the URL (or the Host entry in ~/.ssh/config).";
    }
    if (s.contains("timed out")) {
      return "The host did not answer in time: check the address and firewalls, or give ssh"
          + " longer with -o ConnectTimeout=30 in "
          + OPTIONS_KEY
          + ".";
    }
    if (s.contains("bad configuration option")
        || s.contains("unknown option")
        || s.contains("usage: ssh")) {
      return "ssh rejected its arguments: check " + OPTIONS_KEY + ".";
    }
    if (s.contains("forward") || s.contains("unix_listener") || s.contains("bind")) {
      return "ssh could not set up the socket forwarding: the local socket "
          + socket
          + " must be bindable, and sshd on the host must allow it (AllowStreamLocalForwarding"
          + " yes, and AllowTcpForwarding yes or local).";
    }
    return "Run the command by hand with -v to see why.";
  }
}
