import { request } from 'node:http';

/** An answer of the hub's HTTP API as a test reads it. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with an optional body (its Content-Length set), on a fresh connection. */
export function http(url: string, method: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: body ? { 'content-length': String(body.length), ...headers } : headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The `{"error":{"code"},"ack"}` of a refusal. */
export function errorOf(answer: Answer): { error: { code: string; message: string }; ack?: string } {
  return JSON.parse(answer.body.toString('utf8')) as { error: { code: string; message: string }; ack?: string };
}

const CHUNK = 64 * 1024;

/**
 * A PUT that announces `declaredLength` bytes, sends `head` and then filler one chunk at a time for as long as
 * no answer has come (the socket's back-pressure paces it): the answer, and how many bytes had been handed
 * over when it arrived.
 */
export function uploadUntilAnswered(url: string, head: Buffer, declaredLength: number): Promise<Answer & { sentBeforeAnswer: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const outgoing = request(url, { method: 'PUT', headers: { 'content-length': String(declaredLength) }, agent: false }, (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), sentBeforeAnswer }));
    });
    // Once answered, the hub may close the connection under the rest of the body.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && sent < declaredLength) {
        const chunk = sent === 0 ? head : Buffer.alloc(Math.min(CHUNK, declaredLength - sent));
        sent += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once('drain', pump);
          return;
        }
      }
      if (sent >= declaredLength) outgoing.end();
    };
    pump();
  });
}
