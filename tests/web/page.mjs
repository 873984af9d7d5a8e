// page.mjs — what the browser tests share: the site served from a local
// HTTP server of their own, Debian's Chromium driven by puppeteer-core in
// real time (no virtual time: the run must advance by the clock), the
// page's status (window.procsim.status(), gui/web.c), clicks at the
// places the last frame reported, screenshots and downloads.
//
// Every test file takes the web build's folder as its argument (ctest:
// tests/web/CMakeLists.txt) and needs `npm ci --prefix tests/web` once.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const build = path.resolve(process.argv[2] || process.env.PROCSIM_WEB_BUILD || 'build-web');
export const site = path.join(build, 'site');
export const shots = path.join(build, 'web-shots');
export const chromium = process.env.PROCSIM_CHROMIUM || '/usr/bin/chromium';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream',
  '.png': 'image/png', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8',
};

// The site on 127.0.0.1 at a free port: {url, close()}.
export async function serve(root = site) {
  if (!fs.existsSync(path.join(root, 'procsim.html')))
    throw new Error(`${root}/procsim.html is missing: build the page first (tools/web-build)`);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel || 'index.html');
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      res.end('not found');
      return;
    }
    res.writeHead(200, {'Content-Type': types[path.extname(file)] || 'application/octet-stream',
                        'Cache-Control': 'no-store'});
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => server.listen(0, '127.0.0.1', ok).on('error', fail));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    close: () => new Promise(ok => { server.closeAllConnections(); server.close(ok); }),
  };
}

// Headless Chromium, the system's (puppeteer-core downloads none).
export function launch() {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
           '--disable-gpu-sandbox', '--mute-audio'],
    protocolTimeout: 60000,
  });
}

// A new tab showing procsim.html?QUERY at the given viewport; the page's
// own messages (stderr) are kept in page.procsimLog.  With browserLang,
// navigator.language is that language (as a Korean PC's browser).
export async function openPage(browser, server, query, {width = 1280, height = 800, dpr = 1,
                                                        browserLang = 'en-US'} = {}) {
  const page = await browser.newPage();
  page.procsimLog = [];
  page.on('console', m => page.procsimLog.push(m.text()));
  page.on('pageerror', e => page.procsimLog.push('pageerror: ' + e.message));
  await page.setViewport({width, height, deviceScaleFactor: dpr});
  await page.evaluateOnNewDocument(lang => {
    Object.defineProperty(navigator, 'language', {get: () => lang});
  }, browserLang);
  await page.goto(server.url + 'procsim.html' + query, {waitUntil: 'load'});
  return page;
}

// window.procsim.status(), {} before the window is up.
export function status(page) {
  return page.evaluate(() => (window.procsim ? window.procsim.status() : {}));
}

// Polls fn(status) until it is true (then returns that status) or
// `timeout` ms pass (then fails with `what` and the last status).
export async function until(page, what, fn, timeout = 15000) {
  const t0 = Date.now();
  let s = {};
  while (Date.now() - t0 < timeout) {
    s = await status(page);
    if (fn(s))
      return s;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}; status: ` +
                  JSON.stringify({...s, hit: undefined}) + '\npage said: ' +
                  page.procsimLog.slice(-10).join('\n'));
}

export const sleep = ms => new Promise(ok => setTimeout(ok, ms));

// The window's first frame drawn.
export function firstFrame(page) {
  return until(page, 'the first frame', s => s.frames >= 1, 30000);
}

// Wait for two animation frames of the window: the last status's hit
// rectangles then hold (they are recorded while drawing).
export async function settle(page) {
  const f = (await status(page)).frames;
  return until(page, 'two more frames', s => s.frames >= f + 2);
}

// A click at (x, y) in the canvas's CSS pixels (the status's hit
// rectangles are in those).
export async function clickCanvas(page, x, y) {
  const box = await page.$eval('#canvas', c => {
    const r = c.getBoundingClientRect();
    return {x: r.left, y: r.top};
  });
  await page.mouse.click(box.x + x, box.y + y);
}

// A click in the middle of rectangle [x, y, w, h].
export function clickRect(page, r) {
  return clickCanvas(page, r[0] + r[2] / 2, r[1] + r[3] / 2);
}

// A key to the window (the canvas has the focus, as after a click).
export async function key(page, name) {
  await page.focus('#canvas');
  await page.keyboard.press(name);
}

// A PNG of the page in BUILD/web-shots/NAME.png (looked at by people).
export async function shot(page, name) {
  fs.mkdirSync(shots, {recursive: true});
  const file = path.join(shots, name + '.png');
  await page.screenshot({path: file});
  return file;
}

// The browser's downloads go to a fresh folder: {dir, wait(pattern), remove()}.
export async function downloads(page) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procsim-web-downloads-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: dir,
                                                 eventsEnabled: true});
  return {
    dir,
    // the file whose name matches `pattern`, once it is complete
    async wait(pattern, timeout = 10000) {
      const t0 = Date.now();
      while (Date.now() - t0 < timeout) {
        const f = fs.readdirSync(dir).find(n => pattern.test(n) && !/\.crdownload$/.test(n));
        if (f && fs.statSync(path.join(dir, f)).size > 0)
          return path.join(dir, f);
        await sleep(50);
      }
      throw new Error(`no download matching ${pattern} in ${timeout} ms (the folder has: ` +
                      fs.readdirSync(dir).join(', ') + ')');
    },
    remove: () => fs.rmSync(dir, {recursive: true, force: true}),
  };
}

// A folder of scratch files for the test, removed by remove().
export function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procsim-web-files-'));
  return {dir, remove: () => fs.rmSync(dir, {recursive: true, force: true})};
}

// The page's error box (#errors), '' when hidden.
export function errors(page) {
  return page.$eval('#errors', e => (e.hidden ? '' : e.textContent));
}

// The server and the browser a test file shares, started before its tests
// and stopped after them: session(test).server, .browser.
export function session(test) {
  const s = {};
  test.before(async () => {
    s.server = await serve();
    s.browser = await launch();
  });
  test.after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}
