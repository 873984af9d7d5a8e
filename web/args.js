// args.js — the page's URL made into the arguments of `procsim gui`, so
// that the browser takes exactly the desktop window's options and checks
// (cli/gui.c).  A browser script (the page's --pre-js) and a Node module
// (tests/web/args.test.js) alike.
//
//   ?s=NAME            the shipped scenario NAME (default: the tour)
//   ?lang=en|ko        the language (default: the browser's, Korean for ko*)
//   ?quiz=1            the quiz; ?quiz=NAME: the quiz following process NAME
//   ?policy=P          the scenario under policy P (rr:2, sjf, ...)
//   ?speed=N ?select=X ?compare=A,B ?student=NAME   as --speed, --select, ...
//   ?ostep=PROGRAM ARGS  an OSTEP workload (--ostep PROGRAM ARGS...)
//   ?live=1            live mode, which says it needs the desktop version
'use strict';

var procsimParams = ['s', 'lang', 'quiz', 'policy', 'speed', 'select', 'compare', 'student',
  'live', 'ostep'];

// (search, browserLang, width, height) -> {args: [...]} or {error: {en, ko}}
function procsimArgs(search, browserLang, width, height) {
  var q = new URLSearchParams(search), args = [], lang = null, ostep = null, unknown = [];
  var say = function (en, ko) { return {error: {en: en, ko: ko}}; };
  var seen = {};
  var bad = null;
  q.forEach(function (v, k) {
    if (procsimParams.indexOf(k) < 0) {
      unknown.push(k);
      return;
    }
    if (seen[k] && !bad)
      bad = say("the URL names '" + k + "' twice", "URL에 '" + k + "'가 두 번 있습니다");
    seen[k] = true;
    switch (k) {
    case 's':
      if (/^-/.test(v) && !bad) // a name, never an option of its own
        bad = say("s= takes a scenario's name, not '" + v + "'",
                  "s=에는 시나리오 이름을 씁니다('" + v + "'는 이름이 아닙니다)");
      args.unshift(v);
      break;
    case 'lang': lang = v; break;
    case 'quiz':
      args.push('--quiz');
      if (v === '0' || v === 'false' || v === 'no') // off, as for live=
        args.pop();
      else if (v !== '' && v !== '1' && v !== 'true' && v !== 'yes')
        args.push('--follow', v);
      break;
    case 'live':
      if (v !== '0' && v !== 'false' && v !== 'no')
        args.push('--live');
      break;
    case 'ostep': ostep = v.split(/\s+/).filter(function (w) { return w !== ''; }); break;
    default: args.push('--' + k, v);
    }
  });
  if (unknown.length)
    return say("unknown URL parameter '" + unknown[0] + "' (procsim.html takes " +
               procsimParams.join(', ') + ')',
               "모르는 URL 매개변수 '" + unknown[0] + "' (procsim.html이 받는 것: " +
               procsimParams.join(', ') + ')');
  if (bad)
    return bad;
  if (lang === null)
    lang = /^ko/i.test(browserLang || '') ? 'ko' : 'en';
  args.push('--lang', lang);
  // the window's first size: the page's; it follows the page from then on
  var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, Math.floor(v))); };
  if (width && height)
    args.push('--size', clamp(width, 320, 8192) + 'x' + clamp(height, 240, 8192));
  if (ostep)
    args.push.apply(args, ['--ostep'].concat(ostep));
  return {args: args, lang: lang};
}

if (typeof module !== 'undefined' && module.exports)
  module.exports = {procsimArgs: procsimArgs, procsimParams: procsimParams};
