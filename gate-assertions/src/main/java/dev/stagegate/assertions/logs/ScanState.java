package dev.stagegate.assertions.logs;

/** Where {@link CrashBlockMachine} stands between two lines. */
enum ScanState {
  /** Outside any block: only lines that pass {@link AnchorPrefilter} need a look. */
  IDLE,
  /** After Node's {@code file.js:452} line: the next line is the source line. */
  NODE_SOURCE,
  /** After the source line: a caret line confirms the layout. */
  NODE_CARET,
  /** After the caret: blank lines, then the error line. */
  NODE_MESSAGE,
  /** An exception line outside a block: it is a failure if frames follow. */
  HELD_EXCEPTION,
  /** After a {@code Traceback} line, reading indented frames. */
  PY_FRAMES,
  /** After a Python exception line; a chain connector may still continue the block. */
  PY_AFTER_EXCEPTION,
  /** An open block that the crash layouts in {@link CrashLayout} may continue. */
  TAIL
}
