package dev.stagegate.junit.gate;

import dev.stagegate.report.TestedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which image each built service of the rollback target runs: pure logic, tested without Docker.
 *
 * <p>A recorded deployment's image with a tag is pinned by that tag and checked by its ID (the tag
 * may have moved since). Without one — no recorded deployment, an older entry without images, or a
 * container that ran an image without a kept tag — the tag is the naming scheme's, {@code
 * <repository>/<service>:<commit>}, and nothing can be checked by ID, which a comment says.
 */
final class RollbackImages {
  private RollbackImages() {}

  /**
   * @param services the services the target's compose file builds, in order
   * @param repository the repository of the kept tags ({@code stagegate.images.repository})
   * @param commit the target's full commit id
   * @param recorded the images the recorded deployment ran (several containers of one service: the
   *     first); empty without a record
   */
  static List<RollbackImage> choose(
      List<String> services, String repository, String commit, List<TestedImage> recorded) {
    List<RollbackImage> images = new ArrayList<>();
    for (String service : services) {
      String byName = repository + "/" + service.toLowerCase(Locale.ROOT) + ":" + commit;
      Optional<TestedImage> ran =
          recorded.stream().filter(i -> i.service().equals(service)).findFirst();
      if (ran.isPresent() && ran.get().kept()) {
        images.add(
            new RollbackImage(service, ran.get().tag(), Optional.of(ran.get().imageId()), ""));
      } else if (ran.isPresent()) {
        images.add(
            new RollbackImage(
                service,
                byName,
                Optional.empty(),
                "the deployment ran "
                    + ran.get().shortId()
                    + " without a kept tag: the commit's kept tag by name, not checked by ID"));
      } else if (!recorded.isEmpty()) {
        images.add(
            new RollbackImage(
                service,
                byName,
                Optional.empty(),
                "the deployment recorded no image for it: the commit's kept tag by name, not"
                    + " checked by ID"));
      } else {
        images.add(new RollbackImage(service, byName, Optional.empty(), ""));
      }
    }
    return images;
  }
}
