package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.deploy.CommandResult;
import dev.stagegate.junit.ExecResult;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HttpReply;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.docker.DockerExec;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** The {@link GateStack} handed to gate methods, backed by the run's containers. */
final class RunningStack implements GateStack {
  private final ComposeFile compose;
  private final StackInspector inspector;
  private final DockerClient client;
  private final String host;
  private final Duration httpTimeout;
  private final HttpClient http;

  /** How long {@link #exec} waits for a command: a gate's own check, not a long job. */
  private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(5);

  RunningStack(
      ComposeFile compose,
      StackInspector inspector,
      DockerClient client,
      String host,
      Duration httpTimeout) {
    this.compose = compose;
    this.inspector = inspector;
    this.client = client;
    this.host = host;
    this.httpTimeout = httpTimeout;
    // HTTP/1.1: the default HTTP/2 sends "Upgrade: h2c" on plain http, which servers such as
    // uvicorn (h11) answer with 400 "Unsupported upgrade request." instead of serving the request.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(httpTimeout)
            .build();
  }

  @Override
  public List<String> services() {
    return List.copyOf(compose.services().keySet());
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port(String service, int containerPort) {
    return inspector
        .hostPort(container(service).id(), containerPort)
        .orElseThrow(
            () ->
                new AssertionError(
                    "Expecting service \""
                        + service
                        + "\" to publish container port "
                        + containerPort
                        + " but it does not; publish it in "
                        + compose.path().getFileName()
                        + " as ports: [\"127.0.0.1::"
                        + containerPort
                        + "\"]"));
  }

  @Override
  public URI uri(String service, int containerPort, String path) {
    return URI.create("http://" + host + ":" + port(service, containerPort) + path);
  }

  @Override
  public HttpReply get(String service, int containerPort, String path) {
    URI uri = uri(service, containerPort, path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(httpTimeout).GET().build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpReply(r.statusCode(), r.body());
    } catch (ConnectException e) {
      throw new AssertionError(
          "Could not connect to service \"" + service + "\" at " + uri + ": connection refused", e);
    } catch (HttpTimeoutException e) {
      throw new AssertionError(
          "Service \""
              + service
              + "\" did not answer GET "
              + uri
              + " within "
              + httpTimeout.toSeconds()
              + " s",
          e);
    } catch (IOException e) {
      throw new AssertionError("GET " + uri + " to service \"" + service + "\" failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted during GET " + uri, e);
    }
  }

  @Override
  public ExecResult exec(String service, String... command) {
    try {
      CommandResult r = DockerExec.run(client, container(service).id(), EXEC_TIMEOUT, command);
      return new ExecResult(r.exitCode(), r.stdout(), r.stderr());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted during exec in service \"" + service + "\"", e);
    } catch (IOException e) {
      throw new AssertionError("exec in service \"" + service + "\" failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String containerId(String service) {
    return container(service).id();
  }

  private ServiceContainer container(String service) {
    if (compose.service(service).isEmpty()) {
      throw new IllegalArgumentException(
          "Service \""
              + service
              + "\" is not in "
              + compose.path()
              + "; services there: "
              + String.join(", ", compose.services().keySet()));
    }
    return inspector
        .container(service)
        .orElseThrow(
            () -> new AssertionError("Service \"" + service + "\" has no container in the stack"));
  }
}
