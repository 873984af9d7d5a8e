// procsim.js — the page around the window (the program's --pre-js): its
// arguments from the URL (args.js), its messages on the page, files in
// (the file picker, a file dropped anywhere on the page) and out (saved
// files become downloads), and what the page shows when it ends.
'use strict';

(function () {
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  // the page's language, as shell.html chose it (and put its words in it)
  var pageLang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
  var T = function (en, ko) { return pageLang === 'ko' ? ko : en; };
  var canvas = $('canvas');

  var other = new URLSearchParams(location.search);
  other.set('lang', pageLang === 'ko' ? 'en' : 'ko');
  $('other-lang').href = '?' + other.toString();

  function showError(text) {
    var box = $('errors');
    box.hidden = false;
    box.textContent += (box.textContent ? '\n' : '') + text;
  }

  var made = procsimArgs(location.search, navigator.language, canvas.clientWidth,
                         canvas.clientHeight);
  Module.canvas = canvas;
  Module.arguments = made.args || [];
  Module.noInitialRun = !made.args;
  if (!made.args)
    showError(made.error[pageLang]);

  Module.print = function (text) { console.log(text); };
  Module.printErr = function (text) {
    console.warn(text);
    if (!/^(warning|Calling stub)/.test(text)) // emscripten's own notes
      showError(text);
  };
  // emscripten's own words while it loads ("Downloading data... (3/9)",
  // "Running...", "Please wait... (1/2)") or fails, in the page's language
  // (in English too, "Running..." is "Starting…"); a count stays
  var loading = [
    [/^Downloading data\.\.\./, 'Loading…', '불러오는 중…'],
    [/^Running\.\.\./, 'Starting…', '시작하는 중…'],
    [/^(Please wait|Preparing)\.\.\./, 'Please wait…', '기다려 주세요…'],
    [/^All downloads complete\./, 'Loaded.', '다 불러왔습니다.'],
    [/^Exception thrown, see JavaScript console/, 'procsim failed: see the browser\'s console',
     'procsim이 실패했습니다: 브라우저의 콘솔을 보세요'],
  ];
  function statusText(text) {
    for (var i = 0; i < loading.length; i++)
      if (loading[i][0].test(text))
        return text.replace(loading[i][0], T(loading[i][1], loading[i][2]));
    return text; // not one of emscripten's: as it is
  }
  Module.setStatus = function (text) {
    var s = $('status');
    s.textContent = statusText(text);
    s.hidden = !text;
  };
  var ready = false; // web_status can be called (the program's code is loaded)
  Module.onRuntimeInitialized = function () {
    ready = true;
    Module.setStatus('');
  };
  Module.onExit = function (code) {
    window.procsimExit = code;
    if (code === 2 && params.get('s') && /cannot open|열 수 없/.test($('errors').textContent))
      showError(T("s= takes a shipped scenario's name, such as seeds/counter-race: open the " +
                  'page without s= and press O to see them all.',
                  's=에는 seeds/counter-race처럼 함께 제공되는 시나리오의 이름을 씁니다: s= 없이 ' +
                  '페이지를 열고 O를 누르면 모두 보입니다.'));
    $('ended').hidden = false;
    $('ended-text').textContent = code === 0
      ? T('procsim was closed.', 'procsim을 닫았습니다.')
      : T('procsim stopped: see the message above.', 'procsim이 멈췄습니다: 위의 메시지를 보세요.');
  };
  Module.onAbort = function (what) {
    showError(T('procsim failed: ', 'procsim이 실패했습니다: ') + what);
  };

  // a saved file (gui_web_download): the page's file system's copy to the
  // browser's downloads
  Module.procsimDownloads = [];
  Module.procsimDownload = function (path) {
    var data;
    try {
      data = FS.readFile(path);
    } catch (e) {
      return -1;
    }
    var name = path.split('/').pop();
    var type = /\.png$/.test(name) ? 'image/png'
             : /\.svg$/.test(name) ? 'image/svg+xml' : 'text/plain;charset=utf-8';
    var url = URL.createObjectURL(new Blob([data], {type: type}));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    Module.procsimDownloads.push(name);
    return 0;
  };

  // a file of the user's into the page's file system, opened as a file
  // dropped on the window (web_open)
  function openFile(file) {
    if (!file)
      return;
    file.arrayBuffer().then(function (buf) {
      var dir = '/home/web_user/files', path = dir + '/' + file.name.replace(/[\/\0]/g, '_');
      FS.mkdirTree(dir);
      FS.writeFile(path, new Uint8Array(buf));
      if (Module.ccall('web_open', 'number', ['string'], [path]) !== 0)
        showError(T('procsim is not running: reload the page', 'procsim이 실행 중이 아닙니다: 페이지를 새로 고치세요'));
      canvas.focus();
    });
  }
  $('open').addEventListener('change', function (e) {
    openFile(e.target.files[0]);
    e.target.value = '';
  });
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });
  $('errors').addEventListener('click', function () {
    $('errors').hidden = true;
    $('errors').textContent = '';
  });
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  // for the browser tests and the curious: what the window shows
  window.procsim = {
    status: function () { // {} until the window is up (as web_status)
      return ready ? JSON.parse(Module.ccall('web_status', 'string', [], [])) : {};
    },
    downloads: function () { return Module.procsimDownloads.slice(); },
  };
})();
