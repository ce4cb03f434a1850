package dev.stagegate.junit.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The previous release's images as a rollback drill built and kept them, under its own names.
 *
 * @param tags service to the drill's tag, {@code stagegate-<run>-previous/<service>:<commit>}
 * @param ids service to the ID of the image kept under that tag
 */
record PreviousImages(Map<String, String> tags, Map<String, String> ids) {
  PreviousImages {
    tags = Map.copyOf(tags);
    ids = Map.copyOf(ids);
  }

  /**
   * The audit's images with the drill's names: the images it built stand in for the recorded ones,
   * and a checked tag is checked against the ID the drill gave it.
   */
  List<RollbackImage> standingIn(List<RollbackImage> images) {
    List<RollbackImage> drillImages = new ArrayList<>();
    for (RollbackImage image : images) {
      String tag = tags.get(image.service());
      drillImages.add(
          image.renamed(
              tag,
              image.expectedId().isPresent()
                  ? Optional.of(ids.get(image.service()))
                  : Optional.empty()));
    }
    return drillImages;
  }
}
