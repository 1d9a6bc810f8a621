import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { ShutdownGate } from './ShutdownGate';

describe('ShutdownGate', () => {
  it('once closed refuses every request but GET /health with 503 SERVICE_UNAVAILABLE, Retry-After and Connection: close, logged once at info', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const gate = new ShutdownGate(logger);
    const app = express();
    app.use(gate.middleware);
    app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
    app.post('/graphql', (_req, res) => void res.json({ data: {} }));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/graphql`, { method: 'POST' })).status).toBe(200);
      gate.close();
      const refusals = await Promise.all([fetch(`${url}/graphql`, { method: 'POST' }), fetch(`${url}/ready`)]);
      for (const refused of refusals) {
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('1');
        expect(refused.headers.get('connection')).toBe('close');
        expect(await refused.json()).toEqual({
          errors: [{ message: 'The server is shutting down; retry after 1 s.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } }],
        });
      }
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('connection')).toBe('close');
      expect(gate.refused).toBe(2);
      expect(lines.filter((line) => /shutting down/.test(String(line.msg))).map((line) => line.level)).toEqual([30]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
