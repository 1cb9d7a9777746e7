// The preview server answers only requests addressed to it by its own name, so a page that points a
// name of its own at 127.0.0.1 (DNS rebinding) cannot read the report, restricted text included.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../src/watch/live-server.js';

let server: LiveServer;
let port: number;
beforeAll(async () => {
  server = await startLiveServer(0);
  port = Number(new URL(server.url).port);
  server.publish('<!DOCTYPE html><html><head><title>r</title></head><body><p>ZQ-RESTRICTED</p></body></html>');
});
afterAll(() => server.close());

/** A GET of `/` with the Host header given (none when null), as a browser or curl sends it. */
function get(host: string | null, path = '/'): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', setHost: host !== null, headers: host === null ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(body)?.[1] }));
    });
    req.on('error', reject).end();
  });
}

describe('the preview server', () => {
  it('serves the page to its own names, with its Content-Security-Policy', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await get(host);
      expect(r.status, host).toBe(200);
      expect(r.body).toContain('ZQ-RESTRICTED');
      expect(r.csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'");
    }
  });

  it.each([['attacker.example'], [`attacker.example:${port}`], ['127.0.0.1'], [`127.0.0.1:${port + 1}`], [`localhost.attacker.example:${port}`], [`[::1]:${port}`], [null]])('answers Host %j with 403 and nothing of the report', async (host) => {
    for (const path of ['/', '/__acta/live.js', '/__acta/events']) {
      const r = await get(host, path);
      // Node answers a request with no Host at all with 400 before acta sees it.
      expect(r.status).toBe(host === null ? 400 : 403);
      expect(r.body).not.toContain('ZQ-RESTRICTED');
    }
  });
});
