package dev.stagegate.junit.docker;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code ssh://[user@]host[:port]} into a {@link SshTunnel.Target}, refusing what the tunnel
 * cannot use (a password, a path, a query, a host or user that ssh would take for an option).
 */
final class SshUrlParser {
  private SshUrlParser() {}

  /**
   * Parses {@code ssh://[user@]host[:port]} (an IPv6 host in brackets).
   *
   * @throws IllegalArgumentException saying what is wrong with the URL
   */
  static SshTunnel.Target parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("it is not a URL (" + e.getMessage() + ")", e);
    }
    if (!"ssh".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("it is not an ssh:// URL");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("it names no host: use ssh://user@host[:port]");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new IllegalArgumentException(
          "it has a path ("
              + uri.getRawPath()
              + "); the engine's socket on the host is set with "
              + SshTunnel.SOCKET_KEY);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("it has a query or fragment; use ssh://user@host[:port]");
    }
    Optional<String> user = Optional.empty();
    String hostPort = authority;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      hostPort = authority.substring(at + 1);
      if (userInfo.contains(":")) {
        throw new IllegalArgumentException(
            "it carries a password; ssh:// hosts log in with keys (ssh-agent, ~/.ssh/config or"
                + " -i <key> in "
                + SshTunnel.OPTIONS_KEY
                + ")");
      }
      if (userInfo.isEmpty()) {
        throw new IllegalArgumentException("the user before '@' is empty");
      }
      user = Optional.of(userInfo);
    }
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the IPv6 host has no closing ']'");
      }
      host = hostPort.substring(1, close);
      String rest = hostPort.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("unexpected '" + rest + "' after the host");
        }
        portText = rest.substring(1);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty() || host.startsWith("-") || !host.matches("[A-Za-z0-9._%:-]+")) {
      throw new IllegalArgumentException("'" + host + "' is not a host name or address");
    }
    if (user.isPresent() && (user.get().startsWith("-") || user.get().matches(".*\\s.*"))) {
      throw new IllegalArgumentException("'" + user.get() + "' is not a user name");
    }
    OptionalInt port = OptionalInt.empty();
    if (portText != null) {
      try {
        port = OptionalInt.of(Integer.parseInt(portText));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the port '" + portText + "' is not a number", e);
      }
      if (port.getAsInt() < 1 || port.getAsInt() > 65535) {
        throw new IllegalArgumentException("the port " + portText + " is not within 1..65535");
      }
    }
    return new SshTunnel.Target(user, host, port);
  }
}
