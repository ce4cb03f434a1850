package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import dev.stagegate.junit.ExecResult;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HttpReply;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@link GateStack} handed to gate methods, backed by the run's containers. */
final class RunningStack implements GateStack {
  private final ComposeFile compose;
  private final StackInspector inspector;
  private final DockerClient client;
  private final String host;
  private final Duration httpTimeout;
  private final HttpClient http;

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
    this.http = HttpClient.newBuilder().connectTimeout(httpTimeout).build();
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
    String id = container(service).id();
    ExecCreateCmdResponse exec =
        client
            .execCreateCmd(id)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withCmd(command)
            .exec();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ResultCallback.Adapter<Frame> cb =
        client
            .execStartCmd(exec.getId())
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Frame f) {
                    switch (f.getStreamType()) {
                      case STDERR -> err.writeBytes(f.getPayload());
                      default -> out.writeBytes(f.getPayload());
                    }
                  }
                })) {
      cb.awaitCompletion(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing a finished exec stream
    }
    Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
    return new ExecResult(
        exit == null ? -1 : exit.intValue(),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
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
