import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

export interface TcpProxy {
  port: number;
  /** Which backend (index) each accepted connection went to, in order. */
  connections: number[];
  /** Stops accepting and cuts every open connection, as if the backend went away. */
  cut: () => Promise<void>;
  /** Accepts connections again on the same port. */
  restore: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A TCP proxy on loopback that the test controls: to one backend (a database the test can cut
 * off), or round-robin over several (one connection each, in turn: a load balancer in front of
 * API instances).
 */
export async function startTcpProxy(backends: Backend[]): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const connections: number[] = [];
  let next = 0;
  let server: Server;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const index = next++ % backends.length;
      connections.push(index);
      const upstream = connect(backends[index].port, backends[index].host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };
  const cut = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    connections,
    cut,
    restore: listen,
    close: async () => {
      if (server.listening) await cut();
    },
  };
}
