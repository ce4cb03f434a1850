package dev.stagegate.junit;

/**
 * Bad input to a gate: a missing compose file, invalid YAML, an unknown service, an invalid
 * annotation value, Docker not running. The message always says what is wrong and how to fix it.
 */
public class GateConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GateConfigurationException(String message) {
    super(message);
  }

  public GateConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
