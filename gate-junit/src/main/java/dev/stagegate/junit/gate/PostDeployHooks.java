package dev.stagegate.junit.gate;

import dev.stagegate.assertions.deploy.DeployHook;
import dev.stagegate.assertions.deploy.HttpJsonHook;
import dev.stagegate.assertions.deploy.MetricHook;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.PostDeployWatch;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hooks a {@link PostDeployWatch} declares, built and checked before the target is contacted:
 * the built-in health and metric hooks from its attributes first, then its hook classes.
 */
final class PostDeployHooks {
  private PostDeployHooks() {}

  /** Every hook, built-in first, in order. */
  static List<DeployHook> of(PostDeployWatch a, Optional<URI> baseUrl) {
    List<DeployHook> hooks = builtIn(a, baseUrl);
    for (Class<? extends DeployHook> type : a.hooks()) {
      hooks.add(instantiate(type));
    }
    return hooks;
  }

  /** The built-in hooks: the health path, then each metric; checked. */
  private static List<DeployHook> builtIn(PostDeployWatch a, Optional<URI> baseUrl) {
    List<DeployHook> hooks = new ArrayList<>();
    boolean http = !a.healthPath().isBlank() || a.metrics().length > 0;
    if (http && baseUrl.isEmpty()) {
      throw new GateConfigurationException(
          "@PostDeployWatch has HTTP checks (healthPath or metrics) but no base URL: set the"
              + " configuration parameter "
              + PostDeploySpec.BASE_URL
              + " (e.g. http://10.0.0.5:8000) or the annotation's baseUrl.");
    }
    if (!a.healthPath().isBlank()) {
      HttpJsonHook health = HttpJsonHook.get(relative(a.healthPath(), "healthPath"));
      if (!a.healthJson().isBlank()) {
        try {
          health = health.expectJson(a.healthJson());
        } catch (IllegalArgumentException e) {
          throw new GateConfigurationException(
              "@PostDeployWatch(healthJson) is not JSON: " + e.getMessage(), e);
        }
      }
      hooks.add(health.named("health " + a.healthPath()));
    }
    for (String m : a.metrics()) {
      int eq = m.lastIndexOf('=');
      if (eq <= 0 || eq == m.length() - 1) {
        throw new GateConfigurationException(
            "@PostDeployWatch(metrics) entries are name=value (e.g. system_state_status=0) but"
                + " one was '"
                + m
                + "'.");
      }
      String selector = m.substring(0, eq).trim();
      double value;
      try {
        value = Double.parseDouble(m.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new GateConfigurationException(
            "@PostDeployWatch(metrics): the value in '" + m + "' is not a number.", e);
      }
      try {
        hooks.add(
            MetricHook.prometheus(relative(a.metricsPath(), "metricsPath"))
                .expect(selector, value)
                .named("metric " + selector));
      } catch (IllegalArgumentException e) {
        throw new GateConfigurationException(
            "@PostDeployWatch(metrics): '" + m + "' is not a metric selector: " + e.getMessage(),
            e);
      }
    }
    return hooks;
  }

  /** A hook class the annotation names, made with its no-arg constructor. */
  private static DeployHook instantiate(Class<? extends DeployHook> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new GateConfigurationException(
          "@PostDeployWatch(hooks): " + type.getName() + " needs a public no-arg constructor.", e);
    } catch (InvocationTargetException e) {
      throw new GateConfigurationException(
          "@PostDeployWatch(hooks): the constructor of "
              + type.getName()
              + " threw "
              + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new GateConfigurationException(
          "@PostDeployWatch(hooks): cannot instantiate " + type.getName() + ": " + e, e);
    }
  }

  private static URI relative(String path, String attribute) {
    try {
      return URI.create(path.trim());
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(
          "@PostDeployWatch(" + attribute + ") is not a URI path: '" + path + "'.", e);
    }
  }
}
