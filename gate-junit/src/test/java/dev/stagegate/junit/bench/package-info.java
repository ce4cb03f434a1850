/**
 * Benchmark mains run by the scripts under {@code bench/} (never by Surefire or Failsafe: no name
 * ends in {@code Test} or {@code IT}). They start real stacks through {@code GateKit}.
 */
package dev.stagegate.junit.bench;
