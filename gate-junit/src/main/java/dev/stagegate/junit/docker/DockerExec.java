package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import dev.stagegate.assertions.deploy.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code docker exec} through docker-java: runs a command in a container and waits for it. */
public final class DockerExec {
  private DockerExec() {}

  /**
   * Runs {@code command} (program and arguments, no shell) in the container.
   *
   * @throws InterruptedException when interrupted while waiting (the stream is closed)
   * @throws IOException when the command did not finish within {@code timeout}
   */
  public static CommandResult run(
      DockerClient client, String containerId, Duration timeout, String... command)
      throws InterruptedException, IOException {
    ExecCreateCmdResponse exec =
        client
            .execCreateCmd(containerId)
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
                    synchronized (out) {
                      switch (f.getStreamType()) {
                        case STDERR -> err.writeBytes(f.getPayload());
                        default -> out.writeBytes(f.getPayload());
                      }
                    }
                  }
                })) {
      if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(
            "`" + String.join(" ", command) + "` did not finish in " + timeout.toSeconds() + " s");
      }
    }
    Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
    synchronized (out) {
      return new CommandResult(
          exit == null ? -1 : exit.intValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }
}
