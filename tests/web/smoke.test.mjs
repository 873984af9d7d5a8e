// smoke.test.mjs — the page as a student opens it: a shipped scenario in
// Korean runs by the clock, keys and clicks act, the window follows the
// browser's size and HiDPI, English and Korean render, and the page says
// what went wrong when the URL is wrong.  `node tests/web/smoke.test.mjs
// BUILD-WEB` (ctest web/smoke); screenshots in BUILD-WEB/web-shots/.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as P from './page.mjs';

const S = P.session(test);

// The window's tick after `ms` of real time (not asserted on speed: only
// that it moved or did not).
async function tickAfter(page, ms) {
  await P.sleep(ms);
  return (await P.status(page)).tick;
}

test('a shipped scenario in Korean runs in real time', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=seeds/counter-race&lang=ko');
  const s = await P.firstFrame(page);
  assert.equal(s.lang, 'ko');
  assert.equal(s.title, '락 없는 공유 카운터: 잃어버린 갱신');
  assert.match(s.path, /seeds\/counter-race\.yaml$/);
  assert.equal(s.paused, 0);
  assert.equal(s.states.length, 10);
  await P.until(page, 'the tick to advance', t => t.tick > s.tick && t.frames > s.frames + 10);
  assert.equal(await P.errors(page), '');
  assert.equal(await page.$eval('html', e => e.lang), 'ko'); // the page's own words too
  await P.shot(page, 'counter-race-ko');
  await page.close();
});

// Every text the loading status showed, in a Korean page: emscripten's
// own ("Downloading data... (3/9)", "Running...") too, in Korean.
test('the page\'s loading words in Korean', async () => {
  const page = await S.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.statusSeen = [];
    document.addEventListener('DOMContentLoaded', () => {
      const s = document.getElementById('status');
      window.statusSeen.push(s.textContent);
      new MutationObserver(() => window.statusSeen.push(s.textContent))
        .observe(s, {childList: true, characterData: true, subtree: true});
    });
  });
  await page.goto(S.server.url + 'procsim.html?lang=ko', {waitUntil: 'load'});
  await P.firstFrame(page);
  const seen = (await page.evaluate(() => window.statusSeen)).filter(t => t);
  assert.ok(seen.length >= 1, 'the status said nothing');
  for (const t of seen)
    assert.doesNotMatch(t, /[A-Za-z]{2,}/, `an English status in a Korean page: ${t}`);
  assert.equal(await page.$eval('#errors', e => e.title), '누르면 닫힙니다');
  await page.close();
});

test('keys: Space pauses and plays, Right steps, H shows the help', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=seeds/counter-race&lang=en');
  await P.firstFrame(page);
  await P.until(page, 'the run to start', s => s.tick >= 1);
  await P.key(page, 'Space');
  const paused = await P.until(page, 'Space to pause', s => s.paused === 1);
  assert.equal(await tickAfter(page, 800), paused.tick, 'paused, the tick stays');
  await P.key(page, 'ArrowRight');
  const stepped = await P.until(page, 'Right to step', s => s.tick > paused.tick);
  assert.equal(stepped.paused, 1, 'a step leaves the run paused');
  assert.equal(await tickAfter(page, 800), stepped.tick);
  await P.key(page, 'h');
  await P.until(page, 'H to show the help', s => s.help === 1);
  await P.shot(page, 'help-en');
  await P.key(page, 'Escape'); // the help closed, the window stays
  await P.until(page, 'Esc to close the help', s => s.help === 0);
  await P.key(page, 'Space');
  await P.until(page, 'Space to play again', s => s.paused === 0 && s.tick > stepped.tick);
  await page.close();
});

test('clicks: the toolbar, a table row, a token', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=seeds/counter-race&lang=en');
  await P.firstFrame(page);
  let s = await P.until(page, 'the run to start', t => t.tick >= 1);
  await P.clickRect(page, s.hit.buttons.PLAY);
  s = await P.until(page, 'the Pause button to pause', t => t.paused === 1);
  await P.clickRect(page, s.hit.buttons.STEP);
  s = await P.until(page, 'the Step button to step', t => t.tick > s.tick);
  const row = s.hit.rows.find(r => r[0] === 3);
  assert.ok(row, 'the table shows process 3');
  await P.clickRect(page, row.slice(1));
  s = await P.until(page, 'a click on row 3 to select it', t => t.selected === 3);
  s = await P.until(page, 'tokens drawn', t => t.hit.tokens.length > 0);
  const [pid, x, y] = s.hit.tokens.find(t => t[0] !== 3);
  await P.clickCanvas(page, x, y);
  await P.until(page, `a click on its token to select process ${pid}`, t => t.selected === pid);
  await P.shot(page, 'selected-token-en');
  await page.close();
});

test('the window follows the browser\'s size and HiDPI', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=tour&lang=en', {width: 1280, height: 800});
  await P.firstFrame(page);
  const css = () => page.$eval('#canvas', c => [c.clientWidth, c.clientHeight]);
  const near = (a, b) => Math.abs(a - b) <= 1; // the canvas's CSS size is rounded
  let [w, h] = await css();
  await P.until(page, 'the window at the canvas\'s size', s => near(s.width, w) && near(s.height, h));
  await page.setViewport({width: 900, height: 640, deviceScaleFactor: 1});
  [w, h] = await css();
  assert.equal(w, 900);
  await P.until(page, `the window at ${w}x${h}`, s => near(s.width, w) && near(s.height, h));
  await P.shot(page, 'tour-900x640');
  await page.setViewport({width: 1000, height: 700, deviceScaleFactor: 2});
  [w, h] = await css();
  const s = await P.until(page, `a HiDPI window of ${2 * w}x${2 * h} drawable pixels`,
                          t => t.scale === 2 && Math.abs(t.width - 2 * w) <= 2 &&
                               Math.abs(t.height - 2 * h) <= 3);
  // a click still lands where its button is drawn (CSS pixels)
  await P.clickRect(page, s.hit.buttons.PLAY);
  await P.until(page, 'the Pause button at HiDPI', t => t.paused === 1);
  await P.shot(page, 'tour-hidpi');
  await page.close();
});

test('a HiDPI page from the start', async () => {
  const page = await P.openPage(S.browser, S.server, '?lang=ko', {width: 800, height: 600, dpr: 2});
  const s = await P.firstFrame(page);
  const w = await page.$eval('#canvas', c => c.clientWidth);
  assert.equal(s.scale, 2);
  assert.ok(Math.abs(s.width - 2 * w) <= 2, `drawable ${s.width} for ${w} CSS pixels`);
  await P.shot(page, 'tour-ko-hidpi');
  await page.close();
});

for (const [lang, title, browserLang] of [['en', 'Seven-state tour', 'ko-KR'],
                                           ['ko', '일곱 상태 둘러보기', 'en-US'],
                                           [null, '일곱 상태 둘러보기', 'ko-KR']]) {
  test(`the tour in ${lang ?? 'a Korean browser\'s language'}`, async () => {
    const page = await P.openPage(S.browser, S.server, lang ? `?lang=${lang}` : '', {browserLang});
    const s = await P.firstFrame(page);
    assert.equal(s.lang, lang ?? 'ko');
    assert.equal(s.title, title);
    await P.until(page, 'the tour to run', t => t.tick >= 2);
    await P.shot(page, `tour-${lang ?? 'browser-ko'}`);
    await page.close();
  });
}

// [what, query, the page's error words, window.procsimExit]
const refused = [
  ['a scenario that is not there', '?s=no-such&lang=en', /no-such/, 2],
  ['an unknown URL parameter', '?x=1', /unknown URL parameter 'x'/, undefined],
  ['an unknown URL parameter, in Korean', '?x=1&lang=ko', /모르는 URL 매개변수 'x'/, undefined],
  ['a parameter twice', '?s=tour&s=tour', /names 's' twice/, undefined],
  ['live mode', '?live=1&lang=en', /Linux desktop/, 2],
  ['live mode, in Korean', '?live=1&lang=ko', /리눅스 데스크톱/, 2],
  ['a speed out of range', '?speed=1000&lang=en', /speed/, 2],
];

for (const [what, query, words, code] of refused) {
  test(`the page says why: ${what}`, async () => {
    const page = await P.openPage(S.browser, S.server, query);
    const t0 = Date.now();
    let text = '';
    while (Date.now() - t0 < 15000 && !((text = await P.errors(page)) && (code === undefined ||
           await page.evaluate(() => window.procsimExit !== undefined))))
      await P.sleep(50);
    assert.match(text, words);
    assert.equal(await page.evaluate(() => window.procsimExit), code);
    if (code !== undefined) // the page says it stopped
      assert.equal(await page.$eval('#ended', e => e.hidden), false);
    await P.shot(page, 'refused-' + what.replace(/[^a-z]+/gi, '-'));
    await page.close();
  });
}
