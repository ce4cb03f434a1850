package dev.stagegate.junit;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one fixture gate class in a JVM of its own and prints each failure's message, so a test can
 * run a gate where the engine cannot be reached (a separate mount namespace) or kill it.
 */
public final class FixtureMain {
  private FixtureMain() {}

  public static void main(String[] args) throws ClassNotFoundException {
    Class<?> gate = Class.forName(args[0]);
    Map<String, String> parameters = new java.util.HashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      parameters.put(kv[0], kv[1]);
    }
    var events = GateKit.run(gate, Path.of(args[1]), parameters);
    for (Throwable t : GateKit.failures(events)) {
      System.out.println("FAILURE " + t.getClass().getName() + ": " + t.getMessage());
    }
    System.out.println("SUCCEEDED " + events.succeeded().count());
  }
}
