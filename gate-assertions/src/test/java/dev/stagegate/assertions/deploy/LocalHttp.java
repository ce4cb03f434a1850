package dev.stagegate.assertions.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 and a free port, with canned answers per path. */
final class LocalHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  LocalHttp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // The default executor is the single dispatcher thread: one slow answer would stall the rest.
    server.setExecutor(executor);
    server.start();
  }

  /** Answers GET {@code path} with {@code status} and {@code body} after {@code delayMillis}. */
  LocalHttp answer(String path, int status, String body, long delayMillis) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            if (delayMillis > 0) {
              try {
                Thread.sleep(delayMillis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    return this;
  }

  /**
   * Answers GET {@code path} as uvicorn (h11) does: a request asking to upgrade the connection
   * (such as HTTP/2's {@code Upgrade: h2c}) gets 400 {@code Unsupported upgrade request.}, any
   * other the body.
   */
  LocalHttp answerRefusingUpgrades(String path, String body) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            boolean upgrade = exchange.getRequestHeaders().containsKey("Upgrade");
            byte[] bytes =
                (upgrade ? "Unsupported upgrade request." : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(upgrade ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    return this;
  }

  LocalHttp answer(String path, int status, String body) {
    return answer(path, status, body, 0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
