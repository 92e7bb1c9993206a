// A stand-in for a Backstage app and backend on one port: the development app's page and bundle, and the proxy
// endpoint `/api/proxy/pipelines-gateway` configured as docs/backstage.md says (the gateway's API key added here,
// anything the browser sent for it dropped). It records what the browser sent, so the test can show that the key
// never came from the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.png': 'image/png' };
const PROXY_PREFIX = '/api/proxy/pipelines-gateway';

/**
 * Serves `dist` and proxies to `gatewayUrl` with `apiKey` in X-API-Key. Resolves to
 * `{ url, proxied, close() }`, where `proxied` lists each proxied request's method, path and browser headers.
 */
export function startBackstageStandIn({ dist, gatewayUrl, apiKey }) {
  const proxied = [];
  const styles = readdirSync(dist).filter(file => file.endsWith('.css'));
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith(`${PROXY_PREFIX}/`)) {
      proxied.push({ method: req.method, path: url.pathname, headers: { ...req.headers } });
      const headers = { ...req.headers, 'x-api-key': apiKey, host: new URL(gatewayUrl).host };
      delete headers.authorization; // Backstage's proxy checks the user's token and does not forward it.
      const upstream = request(
        `${gatewayUrl}${url.pathname.slice(PROXY_PREFIX.length)}${url.search}`,
        { method: req.method, headers },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res); // Streams Server-Sent Events as they come.
        },
      );
      upstream.on('error', error => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
      req.pipe(upstream);
      return;
    }
    const file = normalize(url.pathname).replace(/^(\.\.[/\\])+/, '');
    if (extname(file) !== '' && !file.endsWith('.html')) {
      let body;
      try {
        body = readFileSync(join(dist, file));
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
      return;
    }
    const origin = `http://${req.headers.host}`;
    const config = [{ context: 'e2e', data: { app: { title: 'Pipelines Gateway plugin', baseUrl: origin }, backend: { baseUrl: origin } } }];
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Pipelines</title>
${styles.map(style => `<link rel="stylesheet" href="/${style}">`).join('\n')}
<script type="backstage.io/config">${JSON.stringify(config)}</script></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`);
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        proxied,
        close: () => new Promise(done => { server.closeAllConnections(); server.close(done); }),
      }),
    ),
  );
}
