// P6: headless Chromium loads a page through the harness's network emulation, once per
// variant and run, each in a fresh browser context (new connection, empty cache).
// Input: one JSON argument {runs, spki, netlog, variants: [{name, url}]}.
// Output: one line per load:
//   RUN variant=… run=… load=… requestStart=… responseEnd=… interim=… protocol=… resources=… early=… initiators=… network=…
// load, responseEnd and interim (firstInterimResponseStart, non-zero when a 103 arrived) come from
// Navigation Timing. early counts the page's subresources that Chromium requested before the HTML
// response had finished, read from Chromium's net log: Resource Timing reports an early-hints
// preload when the document uses it, not when it was requested. network: milliseconds from the page's request
// to the end of its last subresource request (net log), i.e. when the network part of the load was over.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const config = JSON.parse(process.argv[2]);
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    // a certificate trusted through its key, so Chromium treats the origin as secure and honours 103
    `--ignore-certificate-errors-spki-list=${config.spki}`, '--ignore-certificate-errors',
    `--log-net-log=${config.netlog}`, '--net-log-capture-mode=Default'],
});
console.log(`BROWSER version=${browser.version()}`);
const loads = [];
try {
  for (let run = 1; run <= config.runs; run++) {
    for (const variant of config.variants) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.goto(variant.url, { waitUntil: 'load', timeout: 30000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource');
        return { load: nav.loadEventStart, requestStart: nav.requestStart, responseEnd: nav.responseEnd, interim: nav.firstInterimResponseStart || 0,
          protocol: nav.nextHopProtocol, resources: resources.length,
          initiators: [...new Set(resources.map((r) => r.initiatorType))].join(',') };
      });
      await context.close();
      loads.push({ variant: variant.name, run, url: variant.url, ...t });
    }
  }
}
finally {
  await browser.close();
}

// The net log: for each navigation (in order), which subresources were requested before it ended
const log = JSON.parse(readFileSync(config.netlog, 'utf8'));
const eventType = log.constants.logEventTypes;
const phase = log.constants.logEventPhase;
const requests = new Map();
for (const e of log.events) {
  if (e.type === eventType.URL_REQUEST_START_JOB && e.phase === phase.PHASE_BEGIN && e.params?.url) {
    requests.set(e.source.id, { url: e.params.url, start: Number(e.time), end: Infinity,
      main: e.params.request_type === 'main frame' });
  }
  else if (e.type === eventType.REQUEST_ALIVE && e.phase === phase.PHASE_END && requests.has(e.source.id)) {
    requests.get(e.source.id).end = Number(e.time);
  }
}
const sorted = [...requests.values()].sort((a, b) => a.start - b.start);
const documents = sorted.filter((r) => r.main);
if (documents.length !== loads.length) {
  // the net log is matched to the loads in order; anything else would mix them up
  console.error(`net log has ${documents.length} page requests for ${loads.length} loads`);
  process.exit(1);
}
documents.forEach((document, i) => {
  const next = documents[i + 1]?.start ?? Infinity;
  const origin = new URL(document.url).origin;
  const early = new Set(sorted
    .filter((r) => !r.main && r.start >= document.start && r.start < next && r.start < document.end
      && r.url.startsWith(origin))
    .map((r) => new URL(r.url).pathname));
  // when the network part of the load was over: the end of the last subresource's first request (for a
  // hinted resource that is the early-hints preload; the document's later request is served from it)
  const first = new Map();
  for (const r of sorted) {
    const path = new URL(r.url).pathname;
    if (!r.main && r.start >= document.start && r.start < next && r.url.startsWith(origin)
        && path !== '/favicon.ico' && !first.has(path)) {
      first.set(path, r);
    }
  }
  const networkDone = Math.max(document.end, ...[...first.values()].map((r) => r.end).filter(Number.isFinite));
  loads[i].early = early.size;
  loads[i].network = networkDone - document.start;
});
for (const l of loads) {
  console.log(`RUN variant=${l.variant} run=${l.run} load=${l.load.toFixed(1)} requestStart=${l.requestStart.toFixed(1)} responseEnd=${l.responseEnd.toFixed(1)} `
    + `interim=${l.interim.toFixed(1)} protocol=${l.protocol} resources=${l.resources} early=${l.early} `
    + `initiators=${l.initiators || '-'} network=${l.network.toFixed(0)}`);
}
