package dev.stagegate.assertions.deploy;

import java.util.concurrent.CompletableFuture;

/** A started hook: its name, deadline (System.nanoTime), thread and result to come. */
record RunningHook(
    String name,
    long end,
    boolean cutByOverall,
    Thread thread,
    CompletableFuture<FinishedHook> done) {}
