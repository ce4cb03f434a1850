package dev.stagegate.report.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes source code standing where a secret's value could stand, as in a traceback's quoted
 * source line: a call or index, a dotted path from a settings object, a constant's name, a type.
 */
final class CodeExpression {
  /** {@code os.environ["X"]}, {@code get_secret("db")}, {@code config.get(…)}: code reading. */
  private static final Pattern CALL_OR_INDEX =
      Pattern.compile(
          "[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\\??\\.|!\\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)*\\s*[(\\[].*");

  private static final Pattern DOTTED_IDENTIFIER =
      Pattern.compile(
          "([A-Za-z_$][A-Za-z0-9_$]*)(?:(?:\\??\\.|!\\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)+[;)]*");

  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");

  /** Objects that source code reads settings from: {@code settings.SECRET_KEY}, {@code self.x}. */
  private static final Set<String> CODE_ROOTS =
      Set.of(
          "os",
          "self",
          "this",
          "cls",
          "settings",
          "config",
          "conf",
          "cfg",
          "configuration",
          "env",
          "environ",
          "process",
          "request",
          "req",
          "args",
          "argv",
          "opts",
          "options",
          "params",
          "ctx",
          "context",
          "app",
          "current_app",
          "secrets",
          "credentials",
          "creds",
          "vault",
          "system",
          "props",
          "properties",
          "kwargs",
          "data",
          "payload",
          "form",
          "body",
          "values",
          "vars",
          "input",
          "inputs",
          "user",
          "account",
          "client",
          "session",
          "auth",
          "response",
          "resp",
          "res",
          "result",
          "token",
          "module",
          "exports",
          "window",
          "import",
          "spec",
          "cli",
          "flags",
          "parsed",
          "cmd",
          "command",
          "var",
          "local",
          "each",
          "s",
          "c",
          "o",
          "p");

  /** Type names, in annotations or signatures quoted in tracebacks: {@code password: str}. */
  private static final Set<String> TYPE_NAMES =
      Set.of(
          "str",
          "string",
          "bytes",
          "int",
          "bool",
          "boolean",
          "secretstr",
          "secretbytes",
          "optional",
          "any",
          "object",
          "char",
          "none",
          "nil",
          "null",
          "undefined",
          "void",
          "charsequence",
          "char[]",
          "byte[]",
          "string[]",
          "[]byte",
          "*string",
          "&str");

  private CodeExpression() {}

  /**
   * Whether the value is source code rather than a literal, as in a traceback's quoted source line:
   * a call or an index ({@code os.environ["API_KEY"]}, {@code getpass()}), a dotted path from an
   * object that holds settings ({@code settings.SECRET_KEY}, {@code self.password}, {@code
   * process.env.TOKEN}), a constant's name ({@code DB_PASSWORD}) or a type ({@code str}).
   */
  static boolean matches(String value) {
    if (CALL_OR_INDEX.matcher(value).matches()) {
      // "hunter2(" is not code, "os.environ[" and "getpass(" are: the call needs a name of at
      // least two letters before the bracket and no digit right before it.
      int bracket = indexOfBracket(value);
      String callee = value.substring(0, Math.max(bracket, 0));
      boolean chained = callee.contains(".") || callee.contains("::") || callee.contains("->");
      return bracket >= 2 && (chained || !Character.isDigit(value.charAt(bracket - 1)));
    }
    var dotted = DOTTED_IDENTIFIER.matcher(value);
    if (dotted.matches() && CODE_ROOTS.contains(dotted.group(1).toLowerCase(Locale.ROOT))) {
      return true;
    }
    return UPPER_SNAKE.matcher(value).matches()
        || TYPE_NAMES.contains(value.toLowerCase(Locale.ROOT));
  }

  private static int indexOfBracket(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '(' || c == '[') {
        return i;
      }
    }
    return -1;
  }
}
