// quiz.test.mjs — the quiz played by clicking the states, its score as
// the window's feedback said, and what a student saves reaching the
// browser's downloads folder: the quiz summary (W), a screenshot (P) and
// the Gantt chart (G).  `node tests/web/quiz.test.mjs BUILD-WEB` (ctest
// web/quiz).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as P from './page.mjs';

const S = P.session(test);

const png = file => fs.readFileSync(file).subarray(0, 8).equals(
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

// A guess from the state the followed process is in (some right, some
// wrong: the score must count them as the feedback said).
const guess = {'(none)': 'Ready', New: 'Ready', Ready: 'Running', Running: 'Blocked',
               Blocked: 'Ready', 'Blocked/Suspend': 'Ready/Suspend', 'Ready/Suspend': 'Ready'};

test('the quiz: answered by clicks, scored, its summary downloaded', async () => {
  const page = await P.openPage(S.browser, S.server, '?quiz=1&student=Kim&speed=8&lang=en');
  const dl = await P.downloads(page);
  try {
    let s = await P.firstFrame(page);
    assert.equal(s.quiz.on, 1);
    assert.equal(s.quiz.follow, 1);
    let right = 0;
    while (true) {
      s = await P.until(page, 'a question or the end', t => t.quiz.question ||
                        t.states.every(st => st === 'Exit'), 30000);
      if (!s.quiz.question)
        break;
      const was = s.quiz.asked;
      await P.clickRect(page, s.hit.states[guess[s.states[s.quiz.follow - 1]] || 'Running']);
      s = await P.until(page, 'the answer taken', t => t.quiz.asked === was + 1);
      if (/: Right: /.test(s.message))
        right++;
      else
        assert.match(s.message, /You chose .*; it goes to /);
      if (s.quiz.asked === 2)
        await P.shot(page, 'quiz-feedback-en');
    }
    assert.ok(s.quiz.asked >= 3, `${s.quiz.asked} questions`);
    assert.equal(s.quiz.right, right, 'the score counts the answers the window called right');
    await P.settle(page);
    await P.shot(page, 'quiz-summary-en');

    await P.key(page, 'w');
    const file = await dl.wait(/^procsim-quiz-.*\.txt$/);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /Kim/);
    assert.match(text, new RegExp(`\\b${right}\\b[^\\n]*\\b${s.quiz.asked}\\b`), text);
    assert.match(text, /Seven-state tour/);
    const names = await page.evaluate(() => window.procsim.downloads());
    assert.ok(names.some(n => /^procsim-quiz-.*\.txt$/.test(n)), names.join(', '));
  } finally {
    dl.remove();
    await page.close();
  }
});

test('a screenshot (P) and the Gantt chart (G) arrive as PNG downloads', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=seeds/counter-race&lang=ko');
  const dl = await P.downloads(page);
  try {
    await P.firstFrame(page);
    await P.until(page, 'the run to start', t => t.tick >= 2);
    await P.key(page, 'p');
    const shotFile = await dl.wait(/\.png$/);
    assert.ok(png(shotFile), shotFile + ' is a PNG');
    // a frame of one colour (read back after the browser cleared it)
    // compresses to a few KB; the window's picture is tens of KB
    assert.ok(fs.statSync(shotFile).size > 20000, shotFile + ' is not a blank frame');
    await P.key(page, 'g');
    const gantt = await dl.wait(/gantt.*\.png$/i);
    assert.ok(png(gantt), gantt + ' is a PNG');
    assert.notEqual(gantt, shotFile);
    const names = await page.evaluate(() => window.procsim.downloads());
    assert.equal(names.length, 2, names.join(', '));
    const s = await P.status(page);
    assert.match(s.message, /\.png/, 'the window says where it saved');
    fs.copyFileSync(shotFile, P.shots + '/downloaded-screenshot-ko.png');
    fs.copyFileSync(gantt, P.shots + '/downloaded-gantt-ko.png');
  } finally {
    dl.remove();
    await page.close();
  }
});
