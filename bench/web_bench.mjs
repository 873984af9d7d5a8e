// web_bench.mjs — the page's speed in Debian's headless Chromium, by hand
// (not a test: nothing is asserted): time to the first frame (navigation
// start to status.frames >= 1), frames per second over 5 s of real time,
// and procsim's own time per frame (status.work_ms, gui/web.c).  The first
// frame is seen by polling every 50 ms: up to 50 ms late.
//   node bench/web_bench.mjs [BUILD-WEB] [QUERY]   (after tools/web-test)
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// the tests' helpers and their puppeteer-core (npm ci --prefix tests/web)
const P = await import(path.join(here, '..', 'tests', 'web', 'page.mjs'));
const query = process.argv[3] || '?s=seeds/counter-race&lang=ko';
const runs = 3;

const server = await P.serve();
const browser = await P.launch();
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 800});
    await page.goto(server.url + 'procsim.html' + query, {waitUntil: 'domcontentloaded'});
    page.procsimLog = [];
    await P.firstFrame(page);
    const first = await page.evaluate(() => performance.now());
    const a = await P.status(page);
    const t0 = Date.now();
    await P.sleep(5000);
    const b = await P.status(page);
    const secs = (Date.now() - t0) / 1000;
    console.log(`run ${i + 1}: first frame ${first.toFixed(0)} ms after navigation start; ` +
                `${((b.frames - a.frames) / secs).toFixed(1)} frames/s over ${secs.toFixed(1)} s; ` +
                `procsim's work ${b.work_ms.toFixed(2)} ms a frame; tick ${a.tick} -> ${b.tick}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
