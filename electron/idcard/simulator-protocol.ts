import { connect, type Socket } from 'node:net';
import { DEFAULT_ID_CARD_SIMULATOR_ADDRESS } from '../../shared/domain/id-card';

/**
 * The simulated reader's line protocol, UTF-8, one command and one answer per line, over a loopback TCP
 * port or a Unix socket.
 *
 * The station asks `read` and gets one of:
 *   `NO_CARD` · `CARD <the 256-byte block in base64>` · `FAILED <code>` · `UNSUPPORTED <code>` · `UNPLUGGED`
 * A person (the simulator's menu, or `nc 127.0.0.1 47321`) drives it with:
 *   `place <sample name or .bin file>` · `lift` · `fail [code]` · `unplug` · `plug` · `list` · `status`
 * each answered `OK …` or `ERR …`.
 */

/** Where to connect or listen: a TCP port on the loopback, or a Unix socket path. */
export type SimulatorEndpoint = { host: string; port: number } | { path: string };

/** `127.0.0.1:47321`, `localhost:47321`, `[::1]:47321` or `/run/…/reader.sock`; none: the default address. */
export function parseSimulatorAddress(address: string | null): SimulatorEndpoint {
  const value = address ?? DEFAULT_ID_CARD_SIMULATOR_ADDRESS;
  if (value.startsWith('/')) return { path: value };
  const match = /^(?:\[(.+)\]|([^:]+)):(\d+)$/.exec(value);
  if (!match) throw new Error(`not a simulator address: ${value}`);
  return { host: match[1] ?? match[2] ?? '127.0.0.1', port: Number(match[3]) };
}

/** Sends one line and resolves with the first line answered; rejects on a refused connection or after `timeoutMs`. */
export function exchangeLine(endpoint: SimulatorEndpoint, line: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = 'path' in endpoint ? connect(endpoint.path) : connect(endpoint.port, endpoint.host);
    let received = '';
    const finish = (error: Error | null, answer?: string) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer ?? '');
    };
    const timer = setTimeout(() => finish(new Error('the simulated reader did not answer')), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end >= 0) finish(null, received.slice(0, end).replace(/\r$/, ''));
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error('the simulated reader closed the connection')));
  });
}
