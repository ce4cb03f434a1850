package dev.stagegate.report.redact;

import java.util.zip.CRC32;

/**
 * The checksum that GitHub (since 2021: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_}) and npm ({@code npm_}) put in their tokens: the last 6 chars are the CRC32 of the
 * 30 random chars before them, in base62, left-padded with {@code 0}.
 *
 * <p>Used only to gain confidence: a token whose checksum holds is masked even when its body would
 * not look random enough; a token whose checksum fails is still masked when it looks random, since
 * a token of an older or unknown generation must not leak.
 */
final class TokenChecksum {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private TokenChecksum() {}

  /**
   * Whether {@code body} (the token without its prefix, e.g. without {@code ghp_}) is 36 chars of
   * which the last 6 are the base62 CRC32 of the first 30.
   */
  static boolean holds(String body) {
    if (body.length() != 36) {
      return false;
    }
    return encode(crc32(body.substring(0, 30))).equals(body.substring(30));
  }

  /** The 6-char base62 form of a CRC32 value, as the token formats write it. */
  static String encode(long crc) {
    char[] out = new char[6];
    long v = crc;
    for (int i = 5; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  static long crc32(String s) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < s.length(); i++) {
      crc.update(s.charAt(i));
    }
    return crc.getValue();
  }
}
