// files.test.mjs — a student's own scenario from disk: through the page's
// file picker (#open) and dropped on the page, it runs; a broken one says
// FILE:LINE:COLUMN in the window and the scenario shown before stays.
// `node tests/web/files.test.mjs BUILD-WEB` (ctest web/files).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as P from './page.mjs';

const good = `procsim: 1
title: My own scenario
title_ko: 내 시나리오
system: {cpus: 1, policy: rr, quantum: 2}
processes:
  - name: 생산자
    program: [cpu 3, io disk 2, cpu 2]
  - name: worker
    program: [cpu 4]
devices: [disk]
`;
// line 4, column 3: a process list where a mapping is wanted
const broken = `procsim: 1
title: Broken
processes:
  - [cpu 3]
`;

const S = P.session(test);
let files;
test.before(async () => {
  files = P.scratch();
  fs.writeFileSync(path.join(files.dir, 'mine.yaml'), good);
  fs.writeFileSync(path.join(files.dir, 'broken.yaml'), broken);
});
test.after(async () => {
  files?.remove();
});

async function pick(page, name) {
  const input = await page.$('#open');
  await input.uploadFile(path.join(files.dir, name));
}

test('a file from the picker opens and runs; a broken one says where', async () => {
  const page = await P.openPage(S.browser, S.server, '?s=seeds/pipe&lang=en');
  const before = await P.firstFrame(page);
  await pick(page, 'mine.yaml');
  let s = await P.until(page, 'mine.yaml in the window', t => /\/mine\.yaml$/.test(t.path));
  assert.equal(s.title, 'My own scenario');
  assert.equal(s.states.length, 2);
  assert.notEqual(s.title, before.title);
  s = await P.until(page, 'it to run', t => t.tick >= 3);
  assert.ok(s.states.some(st => st !== '(none)'), JSON.stringify(s.states));
  await P.shot(page, 'file-mine-en');

  await pick(page, 'broken.yaml');
  s = await P.until(page, 'the error in the window', t => /broken\.yaml:\d+:\d+:/.test(t.message));
  assert.match(s.message, /broken\.yaml:4:\d+: /);
  assert.match(s.path, /\/mine\.yaml$/, 'the scenario shown before stays');
  assert.equal(s.title, 'My own scenario');
  await P.shot(page, 'file-broken-en');
  await page.close();
});

test('a file dropped on the page opens, in Korean', async () => {
  const page = await P.openPage(S.browser, S.server, '?lang=ko');
  await P.firstFrame(page);
  await page.evaluate(text => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.yaml', {type: 'text/yaml'}));
    document.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true,
                                                  cancelable: true}));
  }, good);
  const s = await P.until(page, 'dropped.yaml in the window', t => /\/dropped\.yaml$/.test(t.path));
  assert.equal(s.title, '내 시나리오');
  await P.until(page, 'it to run', t => t.tick >= 2);
  await P.shot(page, 'file-dropped-ko');
  await page.close();
});
