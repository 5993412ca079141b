// Loads PageOrderApp's /page as Chromium does after a 103 Early Hints: the navigation first, then each hinted
// resource as soon as the 103 arrives, on the same HTTP/2 connection, and reports when the DATA of each response
// arrived. A fresh connection per load; prints medians.
//   node page-order.mjs --port PORT [--runs 15] [--think 100] [--window browser|64k]
//        [--nav 'u=0, i'|none] [--res chromium|none|'u=7'] [--no-hints]
// --window browser: Chromium's windows (SETTINGS_INITIAL_WINDOW_SIZE 6 MB, connection window 15 MB);
// 64k: the HTTP/2 defaults, which nghttp2-based clients refill in steps of 32 KB.
// --res chromium: the priority header Chromium 156 sends for early-hinted preloads (style u=0, i;
// script u=1, i; image i).
import http2 from 'node:http2';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({ options: {
  port: { type: 'string' }, runs: { type: 'string', default: '15' }, think: { type: 'string', default: '100' },
  window: { type: 'string', default: 'browser' }, nav: { type: 'string', default: 'u=0, i' },
  res: { type: 'string', default: 'chromium' }, 'no-hints': { type: 'boolean', default: false } } });
const CHROMIUM = { style: 'u=0, i', script: 'u=1, i', image: 'i', font: 'u=0, i' };
const browserWindow = opt.window === 'browser';

function load() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    const session = http2.connect(`https://127.0.0.1:${opt.port}`, { rejectUnauthorized: false,
      settings: { enablePush: false, initialWindowSize: browserWindow ? 6291456 : 65535 } });
    session.on('error', reject);
    if (browserWindow) session.on('connect', () => session.setLocalWindowSize(15728640));
    const responses = {};
    const chunks = [];
    let open = 0;
    const get = (name, path, headers) => {
      open++;
      const response = (responses[name] = {});
      const stream = session.request({ ':path': path, ...headers });
      stream.on('headers', (h) => {
        if (h[':status'] === 103 && name === 'page' && !opt['no-hints']) hinted([].concat(h.link));
      });
      stream.on('data', (data) => {
        const t = now();
        response.first ??= t;
        response.last = t;
        chunks.push([t, name, data.length]);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        if (--open === 0) {
          session.close();
          resolve(summary(responses, chunks));
        }
      });
      stream.end();
    };
    const hinted = (links) => {
      for (const link of links.flatMap((l) => l.split(/,\s*(?=<)/))) {
        const path = /<([^>]+)>/.exec(link)[1];
        const as = /as=(\w+)/.exec(link)[1];
        const headers = { 'sec-fetch-dest': as, 'sec-fetch-mode': 'no-cors' };
        const priority = opt.res === 'chromium' ? CHROMIUM[as] : opt.res;
        if (priority !== 'none') headers.priority = priority;
        get(path.slice(path.lastIndexOf('/') + 1), path, headers);
      }
    };
    const page = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
    if (opt.nav !== 'none') page.priority = opt.nav;
    get('page', `/page?think=${opt.think}`, page);
  });
}

// the page's first and last DATA, the resource bytes that arrived between them, and when each resource ended
function summary(responses, chunks) {
  const page = responses.page;
  let between = 0;
  for (const [t, name, length] of chunks) if (name !== 'page' && t > page.first && t < page.last) between += length;
  const result = { pageFirst: page.first, pageEnd: page.last, resourceKbDuringPage: between / 1000 };
  for (const [name, response] of Object.entries(responses)) if (name !== 'page') result[name] = response.last;
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const loads = [];
for (let i = 0; i < Number(opt.runs); i++) loads.push(await load());
const keys = Object.keys(loads[0]);
const ends = loads.map((l) => l.pageEnd);
console.log(`nav=${JSON.stringify(opt.nav)} res=${opt.res} window=${opt.window}${opt['no-hints'] ? ' no-hints' : ''} runs=${loads.length}: `
  + keys.map((k) => `${k} ${median(loads.map((l) => l[k])).toFixed(k === 'resourceKbDuringPage' ? 0 : 1)}`).join(', ')
  + ` (pageEnd min ${Math.min(...ends).toFixed(0)}, max ${Math.max(...ends).toFixed(0)}) ms`);
