package kg.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j DBMS: Bolt on a free loopback port (listen and advertised address alike, so a
 * `neo4j://` driver's routing table names a reachable server), HTTP off, authentication on with the
 * user `neo4j` and the given password, and memory kept small (page cache and transaction memory).
 */
final class Instance implements AutoCloseable {
  static final String USERNAME = "neo4j";

  private final Neo4j neo4j;
  final int port;

  private Instance(Neo4j neo4j, int port) {
    this.neo4j = neo4j;
    this.port = port;
  }

  static Instance start(Path workingDir, String password, long pageCacheMb) throws IOException {
    int port = freeLoopbackPort();
    SocketAddress address = new SocketAddress("127.0.0.1", port);
    Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workingDir)
        .withDisabledServer()
        .withConfig(BoltConnector.enabled, true)
        .withConfig(BoltConnector.listen_address, address)
        .withConfig(BoltConnector.advertised_address, address)
        .withConfig(GraphDatabaseSettings.auth_enabled, true)
        .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
        .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 256L * 1024 * 1024)
        .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .withConfig(GraphDatabaseSettings.udc_enabled, false)
        .build();
    // Neo4j creates `neo4j` with the password "neo4j", to be changed at first login; set ours
    // through the embedded API (which runs with full rights) so clients log in with it at once.
    neo4j.databaseManagementService().database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
        .executeTransactionally("ALTER USER " + USERNAME + " SET PASSWORD $password CHANGE NOT REQUIRED",
            Map.of("password", password));
    return new Instance(neo4j, port);
  }

  String boltUri() {
    return "bolt://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    neo4j.close();
  }

  /** A port free now on 127.0.0.1 (bound, then released for Neo4j to bind). */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
