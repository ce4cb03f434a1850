package dev.stagegate.junit.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The git side of a rollback drill, in-process with JGit: find the repository, resolve refs, pick
 * the default previous ref, and export one commit's subtree into a directory.
 */
final class GitTrees implements AutoCloseable {
  /** Commits walked back from HEAD when looking for the newest tag. */
  private static final int TAG_SEARCH_DEPTH = 10_000;

  private final Repository repo;

  private GitTrees(Repository repo) {
    this.repo = repo;
  }

  /** The repository holding {@code dir} (searched upward); empty when there is none. */
  static Optional<GitTrees> open(Path dir) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    return Optional.of(new GitTrees(builder.setMustExist(true).build()));
  }

  /** The working tree's root directory. */
  Path root() {
    return repo.getWorkTree().toPath();
  }

  /** Where git keeps its data, for messages. */
  Path gitDir() {
    return repo.getDirectory().toPath();
  }

  /** Whether this is a shallow clone (history cut off: older refs may not resolve). */
  boolean shallow() {
    return Files.exists(repo.getDirectory().toPath().resolve("shallow"));
  }

  /** The full id of the commit {@code ref} names; empty when it does not resolve. */
  Optional<String> resolve(String ref) throws IOException {
    try {
      ObjectId id = repo.resolve(ref + "^{commit}");
      return Optional.ofNullable(id).map(ObjectId::name);
    } catch (RevisionSyntaxException | org.eclipse.jgit.errors.MissingObjectException e) {
      // a full id of a commit this clone lacks is missing, not unreadable: the caller names the fix
      return Optional.empty();
    }
  }

  /** Whether {@code ref} is a tag name. */
  boolean isTag(String ref) throws IOException {
    return repo.exactRef(Constants.R_TAGS + ref) != null;
  }

  /** The newest tag reachable from HEAD that does not point at HEAD (see {@link RollbackRefs}). */
  Optional<String> newestTagBelowHead() throws IOException {
    Map<String, List<String>> tagsByCommit = new HashMap<>();
    for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      Ref peeled = repo.getRefDatabase().peel(tag);
      ObjectId target =
          peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : tag.getObjectId();
      tagsByCommit
          .computeIfAbsent(target.name(), k -> new ArrayList<>())
          .add(tag.getName().substring(Constants.R_TAGS.length()));
    }
    ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
    if (head == null || tagsByCommit.isEmpty()) {
      return Optional.empty();
    }
    List<String> commits = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        commits.add(c.name());
        if (commits.size() >= TAG_SEARCH_DEPTH) {
          break;
        }
      }
    }
    return RollbackRefs.newestTagBelowHead(commits, tagsByCommit);
  }

  /** Whether the commit's tree has a file at {@code path} ({@code /} separated). */
  boolean hasFile(String commit, String path) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
        return tw != null && (tw.getFileMode(0).getObjectType() == Constants.OBJ_BLOB);
      }
    }
  }

  /**
   * Writes the files of {@code commit} under {@code subdir} (empty: the whole tree) into {@code
   * target}, at the same relative paths, keeping the executable bit. Symbolic links and submodules
   * are not exported (a build context rarely needs them; following a link could leave the tree):
   * their paths are returned so the drill can say so.
   */
  List<String> export(String commit, String subdir, Path target) throws IOException {
    List<String> skipped = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tw = new TreeWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      tw.addTree(c.getTree());
      tw.setRecursive(true);
      if (!subdir.isEmpty()) {
        tw.setFilter(PathFilter.create(subdir));
      }
      while (tw.next()) {
        FileMode mode = tw.getFileMode(0);
        String path = tw.getPathString();
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          skipped.add(path + (mode == FileMode.SYMLINK ? " (symbolic link)" : " (submodule)"));
          continue;
        }
        Path file = target.resolve(path).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("refusing to export " + path + " outside " + target);
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = repo.open(tw.getObjectId(0)).openStream()) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
          file.toFile().setExecutable(true, false);
        }
      }
    }
    return skipped;
  }

  /**
   * Files in the working tree under {@code subdir} that git ignores (e.g. a deployment marker
   * written at build time), as paths relative to the root; ignored directories (build output) are
   * not listed.
   */
  List<String> ignoredFiles(String subdir) throws IOException {
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.wrap(repo)) {
      List<String> files = new ArrayList<>();
      for (String path :
          git.status().addPath(subdir.isEmpty() ? "." : subdir).call().getIgnoredNotInIndex()) {
        if (Files.isRegularFile(root().resolve(path))) {
          files.add(path);
        }
      }
      files.sort(String::compareTo);
      return files;
    } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
      throw new IOException("git status failed in " + root() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
