package dev.stagegate.deploy.change;

import dev.stagegate.report.change.BaseSource;
import org.eclipse.jgit.revwalk.RevCommit;

/** The chosen base commit, the ref it came from and how it was chosen. */
record ChangeBase(String ref, RevCommit commit, BaseSource source, String choice) {}
