package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import dev.stagegate.junit.compose.RunLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes what gate runs killed mid-way (SIGKILL of the test JVM) left behind: containers,
 * networks, volumes and built images carrying the gate's label whose owning process on this host is
 * gone. What a live run owns, or a run on another host, is left alone, and so is an image that
 * carries a name other than a run's temporary one: a passing gate keeps its tested images under
 * {@code <repository>/<service>:<commit>} for the deploy.
 */
public final class LeftoverSweeper {
  private static final Logger LOG = Logger.getLogger(LeftoverSweeper.class.getName());

  private final DockerClient client;
  private final String localHost;

  public LeftoverSweeper(DockerClient client, String localHost) {
    this.client = client;
    this.localHost = localHost;
  }

  /** What one sweep removed. */
  public record Swept(int containers, int networks, int volumes, int images) {
    public int total() {
      return containers + networks + volumes + images;
    }
  }

  /** Sweeps once; failures to remove one resource are logged and do not stop the rest. */
  public Swept sweep() {
    int containers = 0;
    long now = System.currentTimeMillis() / 1000;
    for (Container c :
        client
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(List.of(RunLabels.MARKER))
            .exec()) {
      if (deadRun(c.getLabels()) || leftBuildStep(c, now)) {
        containers +=
            attempt(
                "container " + c.getId(),
                () ->
                    client
                        .removeContainerCmd(c.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec());
      }
    }
    int networks = 0;
    for (Network n :
        client.listNetworksCmd().withFilter("label", List.of(RunLabels.MARKER)).exec()) {
      if (deadRun(n.getLabels())) {
        networks +=
            attempt("network " + n.getName(), () -> client.removeNetworkCmd(n.getId()).exec());
      }
    }
    int volumes = 0;
    var volumeList =
        client.listVolumesCmd().withFilter("label", List.of(RunLabels.MARKER)).exec().getVolumes();
    if (volumeList != null) {
      for (var v : volumeList) {
        if (deadRun(v.getLabels())) {
          volumes +=
              attempt("volume " + v.getName(), () -> client.removeVolumeCmd(v.getName()).exec());
        }
      }
    }
    int images = 0;
    Map<String, String> parentOf = new LinkedHashMap<>();
    for (Image i :
        client.listImagesCmd().withShowAll(true).withLabelFilter(RunLabels.MARKER).exec()) {
      boolean ownerless =
          i.getLabels() != null
              && !i.getLabels().containsKey(RunLabels.PID)
              && i.getCreated() != null
              && now - i.getCreated() > ORPHAN_AFTER_SECONDS;
      // an image a gate kept for a deploy (or a user tagged) lives on after its run: not a leftover
      if ((dead(i.getLabels()) || ownerless) && !BuiltImages.named(i)) {
        parentOf.put(i.getId(), i.getParentId() == null ? "" : i.getParentId());
      }
    }
    // children first: the engine refuses to remove an image that still has children (409)
    for (String id : BuiltImages.childrenFirst(parentOf)) {
      images += attempt("image " + id, () -> client.removeImageCmd(id).withForce(true).exec());
    }
    return new Swept(containers, networks, volumes, images);
  }

  /**
   * A build-step container of a build that was killed: the classic builder's step containers carry
   * only the image label, packed ({@code run/host/pid}) or, while the labels are still being added
   * one step at a time, the bare marker (then it counts once it is older than a live step lasts). A
   * container of a compose project, a running one, or one of an image someone named (a kept or a
   * user's image, whose containers inherit the label) is never a build step.
   */
  private boolean leftBuildStep(Container c, long nowSeconds) {
    Map<String, String> labels = c.getLabels();
    boolean stepLike =
        labels != null
            && !labels.containsKey(RunLabels.PID)
            && !labels.containsKey("com.docker.compose.project")
            && !"running".equals(c.getState());
    if (!stepLike) {
      return false;
    }
    // a packed owner decides; the bare marker (labels still being added) only by age
    boolean ownerGone =
        RunLabels.from(labels)
            .map(l -> l.ownerIsDeadOn(localHost))
            .orElseGet(
                () -> c.getCreated() != null && nowSeconds - c.getCreated() > ORPHAN_AFTER_SECONDS);
    return ownerGone && !runsNamedImage(c);
  }

  /** How old an owner-less build-step container must be to count as orphaned. */
  static final long ORPHAN_AFTER_SECONDS = 120;

  private boolean dead(Map<String, String> labels) {
    return RunLabels.from(labels).map(l -> l.ownerIsDeadOn(localHost)).orElse(false);
  }

  /** A container, network or volume a run created, whose run is over: by the run's own labels. */
  private boolean deadRun(Map<String, String> labels) {
    return RunLabels.ofRunResource(labels).map(l -> l.ownerIsDeadOn(localHost)).orElse(false);
  }

  /**
   * Whether the container runs an image someone named — one a gate kept for the deploy, or a
   * user's: such a container inherited the image's label but is nobody's build step.
   */
  private boolean runsNamedImage(Container c) {
    try {
      return BuiltImages.named(client.inspectImageCmd(c.getImageId()).exec().getRepoTags());
    } catch (RuntimeException e) {
      return false; // the image is gone: a build step's intermediate image, removed with its build
    }
  }

  private static int attempt(String what, Runnable removal) {
    try {
      removal.run();
      return 1;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not remove leftover " + what, e);
      return 0;
    }
  }

  /** Names of everything carrying the gate's label, for tests and diagnostics. */
  public List<String> remaining() {
    List<String> names = new ArrayList<>();
    client
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(List.of(RunLabels.MARKER))
        .exec()
        .forEach(c -> names.add("container " + String.join(",", c.getNames())));
    client
        .listNetworksCmd()
        .withFilter("label", List.of(RunLabels.MARKER))
        .exec()
        .forEach(n -> names.add("network " + n.getName()));
    return names;
  }
}
