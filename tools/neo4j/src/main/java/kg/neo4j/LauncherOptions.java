package kg.neo4j;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The launcher's command line, read once and checked: every bad value stops the launcher with a
 * message naming the option and the value.
 *
 * <pre>
 *   --instances N        independent DBMSs to start (1..8, default 1), each on its own port
 *   --password P         password of user neo4j (default: NEO4J_PASSWORD, else a random one)
 *   --page-cache-mb M    page cache per instance in MiB (default 32)
 *   --dir D              working directory (default: a new temporary one, deleted on exit)
 *   --stop-on-stdin-eof  also stop when standard input closes (for a parent holding a pipe)
 * </pre>
 */
record LauncherOptions(int instances, String password, long pageCacheMb, Path dir, boolean stopOnStdinEof) {

  static LauncherOptions parse(String[] args) {
    int instances = 1;
    String password = System.getenv("NEO4J_PASSWORD");
    long pageCacheMb = 32;
    Path dir = null;
    boolean stopOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--instances" -> instances = intIn(arg, value(args, ++i, arg), 1, 8);
        case "--password" -> password = value(args, ++i, arg);
        case "--page-cache-mb" -> pageCacheMb = intIn(arg, value(args, ++i, arg), 8, 4096);
        case "--dir" -> dir = Path.of(value(args, ++i, arg));
        case "--stop-on-stdin-eof" -> stopOnStdinEof = true;
        default -> throw new IllegalArgumentException("unknown option " + arg
            + " (known: --instances, --password, --page-cache-mb, --dir, --stop-on-stdin-eof)");
      }
    }
    if (password == null || password.isEmpty()) {
      password = randomPassword();
    } else if (password.length() < 8) {
      throw new IllegalArgumentException("--password (or NEO4J_PASSWORD) must have at least 8 characters"
          + " (Neo4j's minimum), got " + password.length());
    }
    return new LauncherOptions(instances, password, pageCacheMb, dir, stopOnStdinEof);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static int intIn(String option, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be an integer in " + min + ".." + max + ", got '" + text + "'");
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
