package dev.stagegate.junit;

/**
 * An HTTP response from a service of the stack.
 *
 * @param status the HTTP status
 * @param body the body as text
 */
public record HttpReply(int status, String body) {}
