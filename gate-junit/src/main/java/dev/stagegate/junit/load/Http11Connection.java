package dev.stagegate.junit.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that sends the same request again and again and reads each
 * answer whole: status line, headers, and a body framed by {@code Content-Length}, chunked transfer
 * coding, or the end of the connection. The body is read and dropped.
 *
 * <p>Why not {@link java.net.http.HttpClient}: its asynchronous machinery cost about 1 ms of CPU
 * per request on the benchmark host (10 % of a core at 100 requests/s); a blocking socket per
 * connection costs a write and a read. Plain {@code http} only: a gate loads the published ports of
 * its own stack.
 *
 * <p>Not thread-safe: one connection belongs to one worker thread.
 */
final class Http11Connection implements AutoCloseable {
  private final URI uri;
  private final byte[] request;
  private final boolean head;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Http11Connection(URI uri, byte[] request, boolean head, int timeoutMillis) {
    this.uri = uri;
    this.request = request;
    this.head = head;
    this.timeoutMillis = timeoutMillis;
  }

  /** The request bytes for {@code target}, built once. */
  static byte[] request(LoadTarget target) {
    URI uri = target.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    byte[] body = target.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder();
    sb.append(target.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(uri.getHost()).append(':').append(port(uri)).append("\r\n");
    sb.append("User-Agent: stagegate-load\r\nAccept: */*\r\n");
    for (Map.Entry<String, String> h : target.headers().entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (body.length > 0 || !target.method().equals("GET") && !target.method().equals("HEAD")) {
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    }
    sb.append("\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  static int port(URI uri) {
    return uri.getPort() == -1 ? 80 : uri.getPort();
  }

  /**
   * Sends the request (connecting first if needed) and returns the status once the whole answer is
   * read. Any {@link IOException} leaves the connection closed; the next call reconnects.
   */
  int exchange() throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      out.write(request);
      out.flush();
      return readResponse();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(timeoutMillis);
      s.connect(new InetSocketAddress(uri.getHost(), port(uri)), timeoutMillis);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 8192);
    out = s.getOutputStream();
  }

  private int readResponse() throws IOException {
    String statusLine = line();
    while (statusLine.isEmpty()) {
      statusLine = line();
    }
    // HTTP/1.1 200 OK
    if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    boolean http10 = statusLine.startsWith("HTTP/1.0");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = http10;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" ->
            close = value.contains("close") || http10 && !value.contains("keep-alive");
        default -> {}
      }
    }
    if (status >= 100 && status < 200) {
      return readResponse(); // 100 Continue and friends: the real answer follows
    }
    boolean noBody = head || status == 204 || status == 304;
    if (!noBody) {
      if (chunked) {
        skipChunked();
      } else if (length >= 0) {
        skip(length);
      } else {
        while (in.read() != -1) {
          // no framing: the body ends with the connection
        }
        close = true;
      }
    }
    if (close) {
      close();
    }
    return status;
  }

  private void skipChunked() throws IOException {
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
          // trailers are dropped
        }
        return;
      }
      skip(n);
      line();
    }
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() == -1) {
          throw new EOFException("the connection closed " + n + " bytes before the body's end");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  /** A header line without its CRLF; ISO-8859-1 as HTTP/1.1 defines header bytes. */
  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
          sb.setLength(end - 1);
        }
        return sb.toString();
      }
      if (sb.length() > 16_384) {
        throw new IOException("a header line longer than 16 KiB");
      }
      sb.append((char) c);
    }
    throw new EOFException("the connection closed before the answer was complete");
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken connection: nothing to report
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
