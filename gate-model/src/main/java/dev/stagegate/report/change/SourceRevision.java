package dev.stagegate.report.change;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * What the gates tested, as a reviewer names it: the repository, the branch and the commit. Shown
 * at the top of the audit under "What is approved", so an approval says which code it is for.
 *
 * <pre>{@code
 * SourceRevision source = GitSourceRevision.read(Path.of("")).orElse(null); // gate-deploy
 * System.out.println(source.repository() + " " + source.branch() + " " + source.commit());
 * }</pre>
 *
 * @param repository the {@code origin} remote's URL without any user or password in it, else the
 *     work tree's directory name
 * @param branch the checked-out branch ({@code main}), or {@code detached HEAD} with no branch
 * @param commit the full id of HEAD
 */
public record SourceRevision(String repository, String branch, String commit) {
  /** {@link #branch} when HEAD is not on a branch (a CI checkout of one commit). */
  public static final String DETACHED = "detached HEAD";

  public SourceRevision {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(commit, "commit");
  }

  /** The first 12 characters of the commit id. */
  public String shortCommit() {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  /**
   * The URL without its user information: {@code https://user:token@host/x.git} would put a token
   * into the audit. Scp-like addresses ({@code git@host:x.git}) name a user, not a secret, and
   * stay.
   */
  public static String withoutCredentials(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getRawUserInfo() == null || uri.getHost() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      int at = url.indexOf('@');
      int scheme = url.indexOf("://");
      // Not a URI but "scheme://user:pw@host/..." anyway: cut the user part by hand.
      return scheme >= 0 && at > scheme
          ? url.substring(0, scheme + 3) + url.substring(at + 1)
          : url;
    }
  }
}
