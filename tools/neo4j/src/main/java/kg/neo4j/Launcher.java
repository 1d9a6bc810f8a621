package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts N independent Neo4j DBMSs in this JVM and prints, on standard output and nothing else,
 * lines a shell or a test runner reads:
 *
 * <pre>
 *   NEO4J_URI=bolt://127.0.0.1:PORT        the first instance
 *   NEO4J_USERNAME=neo4j
 *   NEO4J_PASSWORD=...
 *   NEO4J_TEST_URIS=bolt://...,bolt://...  every instance (one per test worker)
 *   NEO4J_READY {"version":"5.26.x","uris":[...],"username":"neo4j","startMs":N}
 * </pre>
 *
 * The last line means every instance answers. Neo4j's own output goes to standard error. It stops
 * (closing every DBMS and deleting a temporary working directory) on SIGINT/SIGTERM, when its parent
 * process ends, and, with --stop-on-stdin-eof, when standard input closes.
 */
public final class Launcher {
  private static final long CLOSE_WAIT_SECONDS = 10;

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    LauncherOptions options;
    try {
      options = LauncherOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j launcher: " + e.getMessage());
      System.exit(2);
      return;
    }
    boolean temporary = options.dir() == null;
    Path root = temporary ? Files.createTempDirectory("kg-neo4j-") : Files.createDirectories(options.dir());
    List<Instance> instances = new CopyOnWriteArrayList<>();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      closeAll(instances);
      if (temporary) deleteQuietly(root);
    }, "neo4j-launcher-stop"));
    watchParent();
    if (options.stopOnStdinEof()) watchStdin(System.in);

    for (int i = 0; i < options.instances(); i++) {
      instances.add(Instance.start(root.resolve("instance-" + i), options.password(), options.pageCacheMb()));
    }
    List<String> uris = instances.stream().map(Instance::boltUri).toList();
    long startMs = (System.nanoTime() - t0) / 1_000_000;
    out.println("NEO4J_URI=" + uris.get(0));
    out.println("NEO4J_USERNAME=" + Instance.USERNAME);
    out.println("NEO4J_PASSWORD=" + options.password());
    out.println("NEO4J_TEST_URIS=" + String.join(",", uris));
    out.println("NEO4J_READY {\"version\":\"" + neo4jVersion() + "\",\"uris\":["
        + uris.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","))
        + "],\"username\":\"" + Instance.USERNAME + "\",\"startMs\":" + startMs + "}");
    stop.await();
    System.exit(0); // runs the shutdown hook
  }

  /** Stops when the process that started us ends (Linux re-parents an orphan; we notice). */
  private static void watchParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.err.println("neo4j launcher: parent process " + parent.pid() + " ended, stopping");
      System.exit(0);
    }));
  }

  private static void watchStdin(InputStream in) {
    Thread reader = new Thread(() -> {
      try {
        while (in.read() != -1) {
          // input is ignored; only its end matters
        }
      } catch (IOException ignored) {
        // a broken pipe is an end too
      }
      System.err.println("neo4j launcher: standard input closed, stopping");
      System.exit(0);
    }, "neo4j-launcher-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private static String neo4jVersion() {
    String v = org.neo4j.kernel.internal.Version.getNeo4jVersion();
    return v == null ? "unknown" : v;
  }

  /**
   * Closes every instance at once and waits at most {@link #CLOSE_WAIT_SECONDS}: Bolt's graceful
   * shutdown can take many seconds on a busy machine, and the data is throw-away.
   */
  private static void closeAll(List<Instance> instances) {
    List<Thread> closers = instances.stream().map(instance -> {
      Thread t = new Thread(() -> {
        try {
          instance.close();
        } catch (RuntimeException e) {
          System.err.println("neo4j launcher: closing an instance failed: " + e);
        }
      }, "neo4j-launcher-close-" + instance.port);
      t.setDaemon(true);
      t.start();
      return t;
    }).toList();
    long deadline = System.nanoTime() + CLOSE_WAIT_SECONDS * 1_000_000_000L;
    for (Thread t : closers) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) break;
      try {
        t.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
