package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HttpReply;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.checklist.CheckName;
import java.util.Optional;

/** Runs one {@link SmokeSpec} against the running stack and judges status and JSON. */
final class SmokeRunner {
  private SmokeRunner() {}

  static CheckResult run(SmokeSpec spec, GateStack stack) {
    String name = CheckName.SMOKE.named(spec.name());
    HttpReply reply;
    try {
      reply = stack.get(spec.service(), spec.port(), spec.path());
    } catch (AssertionError e) {
      return CheckResult.fail(name, "Smoke check " + spec.name() + ": " + e.getMessage(), "");
    }
    if (reply.status() != spec.status()) {
      return CheckResult.fail(
          name,
          "Smoke check "
              + spec.name()
              + " expected status "
              + spec.status()
              + " but got "
              + reply.status()
              + "; body: "
              + abbreviate(reply.body()),
          reply.body());
    }
    if (spec.json().isPresent()) {
      Optional<String> mismatch = spec.json().get().mismatch(reply.body());
      if (mismatch.isPresent()) {
        return CheckResult.fail(
            name,
            "Smoke check "
                + spec.name()
                + " expected the body to contain "
                + spec.json().get().expected()
                + " but "
                + mismatch.get()
                + "; body: "
                + abbreviate(reply.body()),
            reply.body());
      }
      return CheckResult.pass(
          name,
          "status " + reply.status() + ", body contains " + spec.json().get().expected(),
          reply.body());
    }
    return CheckResult.pass(name, "status " + reply.status(), reply.body());
  }

  private static String abbreviate(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
