package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.stagegate.junit.compose.RunLabels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes the images one gate run built — found by the run's image label, intermediate images
 * included — children before parents.
 *
 * <p>The classic builder makes an intermediate image per instruction, and with {@code build.labels}
 * those carry the run's label too; removing them in list order hits a parent first, which the
 * engine refuses ({@code 409 … image has dependent child images}). BuildKit makes no intermediate
 * images; either way only images carrying this run's label are touched, never a base image or an
 * {@code image:} the user's stack merely runs.
 */
public final class BuiltImages {
  private BuiltImages() {}

  /**
   * Removes them.
   *
   * @return one sentence per image that could not be removed; empty when all are gone
   */
  public static List<String> remove(DockerClient client, RunLabels labels) {
    return remove(client, labels, Set.of());
  }

  /**
   * Removes them and {@code unlabelled} — images the run made without its label ({@link
   * ClassicBuildImages}) — together, children first.
   *
   * @return one sentence per image that could not be removed; empty when all are gone
   */
  public static List<String> remove(DockerClient client, RunLabels labels, Set<String> unlabelled) {
    return remove(client, labels, unlabelled, Set.of(), List.of());
  }

  /**
   * Removes them except {@code kept} (image IDs the gate tagged for a deploy) and their ancestors;
   * of those only the run's temporary names ({@code runNames}) are removed, so that the image lives
   * on under its kept tag alone.
   *
   * @return one sentence per image that could not be removed; empty when all are gone
   */
  public static List<String> remove(
      DockerClient client,
      RunLabels labels,
      Set<String> unlabelled,
      Set<String> kept,
      List<String> runNames) {
    Map<String, String> parentOf = new LinkedHashMap<>();
    try {
      for (String id : unlabelled) {
        try {
          String parent = client.inspectImageCmd(id).exec().getParent();
          parentOf.put(id, parent == null ? "" : parent);
        } catch (NotFoundException e) {
          // already gone
        }
      }
      for (String value : labels.asImageLabel().values()) {
        List<Image> images =
            client
                .listImagesCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(RunLabels.MARKER, value))
                .exec();
        images.forEach(
            i -> parentOf.put(i.getId(), i.getParentId() == null ? "" : i.getParentId()));
      }
    } catch (RuntimeException e) {
      // the engine is gone: say what is left, never lose the run's evidence over it
      return List.of(
          "Could not list the images this run built ("
              + e.getMessage()
              + "); the next gate's leftover sweep removes them (label "
              + RunLabels.MARKER
              + "="
              + labels.asImageLabel().get(RunLabels.MARKER)
              + ")");
    }
    List<String> problems = new ArrayList<>();
    Set<String> keep = new HashSet<>();
    for (String id : kept) {
      // a kept image needs its parents (the classic builder's intermediate images)
      for (String at = id; at != null && !at.isEmpty() && keep.add(at); at = parentOf.get(at)) {}
    }
    if (!kept.isEmpty()) {
      for (String name : runNames) {
        try {
          client.removeImageCmd(name).withForce(false).withNoPrune(true).exec();
        } catch (NotFoundException e) {
          // never tagged (the build failed first)
        } catch (RuntimeException e) {
          problems.add("Could not remove the run's name " + name + ": " + e.getMessage());
        }
      }
    }
    for (String id : childrenFirst(parentOf)) {
      if (keep.contains(id)) {
        continue;
      }
      try {
        client.removeImageCmd(id).withForce(true).exec();
      } catch (NotFoundException e) {
        // gone with a child that was its only tag holder
      } catch (RuntimeException e) {
        problems.add("Could not remove image " + id + ": " + e.getMessage());
      }
    }
    return problems;
  }

  /**
   * Whether someone named the image other than a gate run: it carries a tag that is not a run's
   * temporary {@code stagegate-<run>-<service>:gate} name (a tag kept for a deploy, or a user's).
   * Such an image is never a leftover, whatever its labels say.
   */
  public static boolean named(Image image) {
    return named(image.getRepoTags() == null ? List.of() : List.of(image.getRepoTags()));
  }

  /** {@link #named(Image)} for an image's tags as {@code docker image inspect} gives them. */
  public static boolean named(List<String> tags) {
    return tags != null
        && tags.stream().anyMatch(t -> !t.equals("<none>:<none>") && !t.startsWith("stagegate-"));
  }

  /** Orders image IDs so that no image comes before an image whose parent it is. */
  static List<String> childrenFirst(Map<String, String> parentOf) {
    List<String> order = new ArrayList<>();
    Set<String> left = new HashSet<>(parentOf.keySet());
    while (!left.isEmpty()) {
      Set<String> parents = new HashSet<>();
      left.forEach(id -> parents.add(parentOf.get(id)));
      List<String> leaves = new ArrayList<>();
      for (String id : parentOf.keySet()) {
        if (left.contains(id) && !parents.contains(id)) {
          leaves.add(id);
        }
      }
      if (leaves.isEmpty()) {
        leaves.addAll(left); // a cycle cannot happen; never loop forever if the engine says one
      }
      order.addAll(leaves);
      leaves.forEach(left::remove);
    }
    return order;
  }
}
