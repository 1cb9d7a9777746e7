// The preview server of `acta watch`: the last good report, a reload script and an event stream.
//
// It serves from memory and knows three paths; any other request is a 404, so no URL can reach
// a file on disk, whatever dots or escapes it holds. It answers only requests addressed to it by
// name (`Host: 127.0.0.1:PORT` or `localhost:PORT`): a page from elsewhere that points a name of its
// own at 127.0.0.1 (DNS rebinding) gets a 403, never the report.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

export interface LiveServer {
  readonly url: string;
  /**
   * A new good report: shown to every open page (they reload, keeping their scroll position), with a banner of
   * `notice` lines over it when there are any (numbers that moved since the last report shown).
   */
  publish(html: string, notice?: readonly string[]): void;
  /** The input has errors: every open page shows them over the last good report. */
  problems(lines: readonly string[]): void;
  close(): Promise<void>;
}

const LIVE_SCRIPT = `(() => {
  const key = 'acta-scroll';
  addEventListener('load', () => {
    const y = sessionStorage.getItem(key);
    if (y !== null) { sessionStorage.removeItem(key); scrollTo(0, Number(y)); }
  });
  const show = (lines) => {
    let box = document.getElementById('acta-problems');
    if (!lines.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('div');
      box.id = 'acta-problems';
      box.setAttribute('role', 'alert');
      box.setAttribute('style', 'position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:50vh;overflow:auto;margin:0;padding:12px 16px;background:#3a0d0d;color:#fff;font:13px/1.45 ui-monospace,monospace;box-shadow:0 2px 8px rgba(0,0,0,.4)');
      document.body.prepend(box);
    }
    box.replaceChildren(...lines.map((line) => { const p = document.createElement('div'); p.textContent = line; return p; }));
  };
  const events = new EventSource('/__acta/events');
  events.addEventListener('reload', () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
  events.addEventListener('problems', (e) => show(JSON.parse(e.data)));
})();
`;

const WAITING = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>acta</title></head><body><p>No report yet: fix the problems shown above.</p></body></html>';

/** Lets the page run the reload script and open the event stream, and loads the script. */
function withLiveReload(html: string): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'">`;
  const withPolicy = /<meta http-equiv="Content-Security-Policy"[^>]*>/i.test(html)
    ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, policy)
    : html.replace(/<head>/i, `<head>${policy}`);
  return withPolicy.replace(/<\/head>/i, '<script src="/__acta/live.js"></script></head>');
}

/** The page with a banner at the top of its body: escaped by hast, styled inline (the page allows inline styles). */
function withNotice(html: string, notice: readonly string[]): string {
  if (notice.length === 0) return html;
  const [title, ...lines] = notice;
  const banner = toHtml(
    h('div', { id: 'acta-renumbered', role: 'status', style: 'margin:0;padding:10px 16px;background:#fff4ce;color:#1a1a1a;border-bottom:2px solid #b58900;font:13px/1.45 system-ui,sans-serif' }, [
      h('strong', title),
      ...lines.map((line) => h('div', line)),
    ]),
  );
  return html.replace(/<body([^>]*)>/i, (body) => `${body}${banner}`);
}

export async function startLiveServer(port: number): Promise<LiveServer> {
  let page = withLiveReload(WAITING);
  let current: readonly string[] = [];
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  let hosts: ReadonlySet<string> = new Set();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: open the address acta watch printed\n');
      return;
    }
    const url = request.url ?? '/';
    const pathname = url.split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (pathname === '/' || pathname === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    } else if (pathname === '/__acta/live.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(LIVE_SCRIPT);
    } else if (pathname === '/__acta/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`event: problems\ndata: ${JSON.stringify(current)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    publish(html, notice = []) {
      page = withLiveReload(withNotice(html, notice));
      current = [];
      send('reload', {});
    },
    problems(lines) {
      current = lines;
      send('problems', lines);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
