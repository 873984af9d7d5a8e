// args.test.js — web/args.js's URL-to-arguments table, row by row: every
// URL parameter, the defaults, and what the page refuses.  Plain Node (no
// browser, no npm packages): `node tests/web/args.test.js`, the native
// build's ctest test web-args.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {procsimArgs, procsimParams} = require(path.join(__dirname, '..', '..', 'web', 'args.js'));

// [what, search, browser language, width, height, the arguments wanted]
const accepted = [
  ['nothing: the tour in the browser\'s language', '', 'en-US', 0, 0, ['--lang', 'en']],
  ['a Korean browser gives Korean', '', 'ko-KR', 0, 0, ['--lang', 'ko']],
  ['the browser\'s language in any case', '', 'KO', 0, 0, ['--lang', 'ko']],
  ['another language gives English', '', 'de-DE', 0, 0, ['--lang', 'en']],
  ['no browser language gives English', '', undefined, 0, 0, ['--lang', 'en']],
  ['lang= wins over the browser', '?lang=en', 'ko-KR', 0, 0, ['--lang', 'en']],
  ['lang=ko', '?lang=ko', 'en-US', 0, 0, ['--lang', 'ko']],
  // procsim gui checks the language (cli/gui.c), as on the desktop
  ['lang passed on for procsim to check', '?lang=fr', 'en', 0, 0, ['--lang', 'fr']],
  ['s= is the scenario, first', '?s=seeds/counter-race', 'en', 0, 0,
    ['seeds/counter-race', '--lang', 'en']],
  ['s= first wherever it is in the URL', '?speed=2&s=tour', 'en', 0, 0,
    ['tour', '--speed', '2', '--lang', 'en']],
  ['quiz=1', '?quiz=1', 'en', 0, 0, ['--quiz', '--lang', 'en']],
  ['quiz=true', '?quiz=true', 'en', 0, 0, ['--quiz', '--lang', 'en']],
  ['quiz=yes', '?quiz=yes', 'en', 0, 0, ['--quiz', '--lang', 'en']],
  ['quiz with no value', '?quiz', 'en', 0, 0, ['--quiz', '--lang', 'en']],
  ['quiz=0 is no quiz', '?quiz=0', 'en', 0, 0, ['--lang', 'en']],
  ['quiz=false is no quiz', '?quiz=false', 'en', 0, 0, ['--lang', 'en']],
  ['quiz=no is no quiz', '?quiz=no', 'en', 0, 0, ['--lang', 'en']],
  ['quiz=NAME follows NAME', '?quiz=P2', 'en', 0, 0, ['--quiz', '--follow', 'P2', '--lang', 'en']],
  ['policy=', '?policy=rr:2', 'en', 0, 0, ['--policy', 'rr:2', '--lang', 'en']],
  ['speed=', '?speed=4', 'en', 0, 0, ['--speed', '4', '--lang', 'en']],
  ['select=', '?select=writer', 'en', 0, 0, ['--select', 'writer', '--lang', 'en']],
  ['compare=', '?compare=fcfs,sjf', 'en', 0, 0, ['--compare', 'fcfs,sjf', '--lang', 'en']],
  ['student=, decoded', '?student=%EA%B9%80%EB%AF%BC%EC%A4%80', 'en', 0, 0,
    ['--student', '김민준', '--lang', 'en']],
  ['live=1', '?live=1', 'en', 0, 0, ['--live', '--lang', 'en']],
  ['live=0 is no live', '?live=0', 'en', 0, 0, ['--lang', 'en']],
  ['live=false is no live', '?live=false', 'en', 0, 0, ['--lang', 'en']],
  ['live=no is no live', '?live=no', 'en', 0, 0, ['--lang', 'en']],
  ['ostep= split into words, last', '?ostep=scheduler+-p+FIFO++-j%203&lang=ko', 'en', 0, 0,
    ['--lang', 'ko', '--ostep', 'scheduler', '-p', 'FIFO', '-j', '3']],
  ['ostep= after the size', '?ostep=%20process-run%20-l%205:100%20', 'en', 1000, 700,
    ['--lang', 'en', '--size', '1000x700', '--ostep', 'process-run', '-l', '5:100']],
  ['the page\'s size', '', 'en', 1280, 800, ['--lang', 'en', '--size', '1280x800']],
  ['a fractional size rounded down', '', 'en', 1280.7, 799.9, ['--lang', 'en', '--size', '1280x799']],
  ['a tiny page clamped up', '', 'en', 100, 50, ['--lang', 'en', '--size', '320x240']],
  ['a huge page clamped down', '', 'en', 10000, 9000, ['--lang', 'en', '--size', '8192x8192']],
  ['no height: no size', '', 'en', 1280, 0, ['--lang', 'en']],
  ['everything at once', '?s=seeds/counter-race&lang=ko&quiz=1&policy=sjf&speed=2&select=A' +
    '&compare=fcfs,rr&student=Kim&live=0', 'en', 640, 480,
    ['seeds/counter-race', '--quiz', '--policy', 'sjf', '--speed', '2', '--select', 'A',
      '--compare', 'fcfs,rr', '--student', 'Kim', '--lang', 'ko', '--size', '640x480']],
];

for (const [what, search, browser, w, h, want] of accepted) {
  test('accepted: ' + what, () => {
    const got = procsimArgs(search, browser, w, h);
    assert.equal(got.error, undefined, JSON.stringify(got.error));
    assert.deepEqual(got.args, want);
    assert.equal(got.lang, want[want.indexOf('--lang') + 1]);
  });
}

// [what, search, English words wanted, Korean words wanted]
const refused = [
  ['an unknown parameter', '?x=1', /unknown URL parameter 'x'/, /모르는 URL 매개변수 'x'/],
  ['the first unknown one is named', '?s=tour&bogus=2&other=3', /'bogus'/, /'bogus'/],
  ['an unknown one lists what is taken', '?x=1', new RegExp(procsimParams.join(', ')),
    new RegExp(procsimParams.join(', '))],
  ['a parameter twice', '?s=a&s=b', /names 's' twice/, /'s'가 두 번/],
  ['lang twice', '?lang=en&lang=ko', /names 'lang' twice/, /'lang'가 두 번/],
  ['quiz twice', '?quiz=1&speed=2&quiz=P1', /'quiz' twice/, /'quiz'가 두 번/],
  ['unknown before twice', '?s=a&s=b&zz=1', /unknown URL parameter 'zz'/, /'zz'/],
  ['the case of a name counts', '?S=tour', /unknown URL parameter 'S'/, /'S'/],
  ['s= that reads as an option', '?s=--fullscreen', /s= takes a scenario's name, not '--fullscreen'/,
    /s=에는 시나리오 이름/],
];

for (const [what, search, en, ko] of refused) {
  test('refused: ' + what, () => {
    const got = procsimArgs(search, 'en', 1280, 800);
    assert.equal(got.args, undefined);
    assert.match(got.error.en, en);
    assert.match(got.error.ko, ko);
  });
}

test('every parameter has a row above', () => {
  const searches = accepted.map(r => r[1]).join('&');
  for (const p of procsimParams)
    assert.match(searches, new RegExp('[?&]' + p + '(=|&|$)'), p);
});
