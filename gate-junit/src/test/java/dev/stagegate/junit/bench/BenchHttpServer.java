package dev.stagegate.junit.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local endpoint of {@code bench/load-generator-bench.sh}, in a process of its own so that the
 * generator's CPU is measured without the server's: {@code GET /api/v1/agents/list} answers a small
 * JSON body at once (keep-alive, four threads); {@code GET /count} answers how many list requests
 * it has served, for the server-side rate.
 *
 * <p>Arguments: port (0: any; the chosen port is printed as {@code port N} on the first line). Run
 * it with {@code -Dsun.net.httpserver.nodelay=true}: the server writes headers and body apart, and
 * with Nagle on, a delayed ACK holds the body back 40 ms.
 */
public final class BenchHttpServer {
  private BenchHttpServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    AtomicLong served = new AtomicLong();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    byte[] body =
        "{\"agents\":[{\"id\":1,\"name\":\"planner\",\"status\":\"idle\"}],\"count\":1}"
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/api/v1/agents/list",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          served.incrementAndGet();
        });
    server.createContext(
        "/count",
        exchange -> {
          byte[] count = Long.toString(served.get()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, count.length);
          exchange.getResponseBody().write(count);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("port " + server.getAddress().getPort());
    System.out.flush();
  }
}
