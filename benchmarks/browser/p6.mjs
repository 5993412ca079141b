// P6: headless Chromium loads a page through the harness's network emulation, once per
// variant and run, each in a fresh browser context (new connection, empty cache).
// Input: one JSON argument {runs, spki, variants: [{name, url}]}.
// Output: one line per load: RUN variant=… run=… load=… responseEnd=… interim=… protocol=…
// resources=… early=… initiators=…  (early: subresources requested before the HTML finished,
// from DevTools' network events)
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const config = JSON.parse(process.argv[2]);
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    `--ignore-certificate-errors-spki-list=${config.spki}`, '--ignore-certificate-errors'],
});
console.log(`BROWSER version=${browser.version()}`);
try {
  for (let run = 1; run <= config.runs; run++) {
    for (const variant of config.variants) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      // the network as DevTools sees it: Resource Timing reports an early-hints preload when the
      // document uses it, not when it was requested
      const cdp = await context.newCDPSession(page);
      const sent = new Map();
      const finished = new Map();
      cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, { url: e.request.url, at: e.timestamp, type: e.type }));
      cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.timestamp));
      await cdp.send('Network.enable');
      await page.goto(variant.url, { waitUntil: 'load', timeout: 30000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource').map((r) => ({
          path: new URL(r.name).pathname, start: r.startTime, requestStart: r.requestStart,
          responseEnd: r.responseEnd, initiator: r.initiatorType }));
        return { load: nav.loadEventStart, responseEnd: nav.responseEnd, responseStart: nav.responseStart,
          interim: nav.firstInterimResponseStart || 0, protocol: nav.nextHopProtocol, resources };
      });
      await context.close();
      // a resource acted on early was requested before the HTML had finished arriving
      const documentId = [...sent.entries()].find(([, r]) => r.type === 'Document')?.[0];
      const documentEnd = finished.get(documentId) ?? Infinity;
      const early = [...sent.values()].filter((r) => r.type !== 'Document' && r.at < documentEnd).length;
      const initiators = [...new Set(t.resources.map((r) => r.initiator))].join(',');
      console.log(`RUN variant=${variant.name} run=${run} load=${t.load.toFixed(1)} responseEnd=${t.responseEnd.toFixed(1)} `
        + `interim=${t.interim.toFixed(1)} protocol=${t.protocol} resources=${t.resources.length} early=${early} `
        + `initiators=${initiators || '-'}`);
    }
  }
}
finally {
  await browser.close();
}
