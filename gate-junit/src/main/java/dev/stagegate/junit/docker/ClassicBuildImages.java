package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images the classic builder ({@code DOCKER_BUILDKIT=0}) made during one build and left
 * unlabelled: the intermediate images of a multi-stage build's earlier stages carry none of the
 * build's labels, so {@link BuiltImages} cannot find them by label, and they would pile up as
 * {@code <none>} images. An image counts as this build's only when the build printed its ID ({@code
 * ---> 1a2b3c4d5e6f}) and it did not exist before the build started: a base image printed after
 * {@code FROM}, or another run's image on a shared engine, is never taken. BuildKit prints no such
 * lines and leaves no intermediate images, so then this is empty.
 *
 * <pre>{@code
 * ClassicBuildImages made = ClassicBuildImages.before(client);
 * project.buildNoCache(timeout, made);
 * BuiltImages.remove(client, labels, made.created(client));
 * }</pre>
 */
public final class ClassicBuildImages implements Consumer<String> {
  private static final Pattern IMAGE_LINE = Pattern.compile("^\\s*---> ([0-9a-f]{12,64})\\s*$");

  private final Set<String> existedBefore; // null: unknown
  private final Set<String> printed = ConcurrentHashMap.newKeySet();

  private ClassicBuildImages(Set<String> existedBefore) {
    this.existedBefore = existedBefore;
  }

  /** Takes note of every image on the engine before the build. */
  public static ClassicBuildImages before(DockerClient client) {
    return new ClassicBuildImages(ids(client));
  }

  /** Collects the image IDs a classic build prints. */
  @Override
  public void accept(String line) {
    Matcher m = IMAGE_LINE.matcher(line);
    if (m.matches()) {
      printed.add(m.group(1));
    }
  }

  /** Full IDs of the images this build printed that did not exist before it. */
  public Set<String> created(DockerClient client) {
    Set<String> created = new HashSet<>();
    Set<String> now = printed.isEmpty() || existedBefore == null ? null : ids(client);
    if (now == null) {
      // without both lists nothing can be told apart from a base image: take nothing
      return created;
    }
    for (String id : now) {
      String hex = id.startsWith("sha256:") ? id.substring(7) : id;
      if (existedBefore.contains(id)) {
        continue;
      }
      for (String p : printed) {
        if (hex.startsWith(p)) {
          created.add(id);
        }
      }
    }
    return created;
  }

  /** Every image ID on the engine; null when the engine cannot say. */
  private static Set<String> ids(DockerClient client) {
    try {
      Set<String> ids = new HashSet<>();
      List<Image> all = client.listImagesCmd().withShowAll(true).exec();
      all.forEach(i -> ids.add(i.getId()));
      return ids;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
