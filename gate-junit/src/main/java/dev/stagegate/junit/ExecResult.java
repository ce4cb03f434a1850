package dev.stagegate.junit;

/**
 * The result of a command run inside a container.
 *
 * @param exitCode the command's exit code
 * @param stdout what it printed on stdout
 * @param stderr what it printed on stderr
 */
public record ExecResult(int exitCode, String stdout, String stderr) {}
