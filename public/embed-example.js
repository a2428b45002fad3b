// The host side of the embedding example: commands from buttons, events to a log.
(function () {
  'use strict';
  var div = document.getElementById('map');
  var log = document.getElementById('log');
  var map = window.BinjiangMap.mount(div);
  ['ready', 'select', 'deselect', 'languagechange', 'resize'].forEach(function (type) {
    div.addEventListener('binjiang-map:' + type, function (ev) {
      var li = document.createElement('li');
      var d = ev.detail;
      li.textContent = type + (d.id ? ' ' + d.id : '') + (d.lang ? ' ' + d.lang : '') + (d.height ? ' ' + d.height + 'px' : '');
      log.appendChild(li);
    });
  });
  document.querySelectorAll('button[data-cmd]').forEach(function (b) {
    b.addEventListener('click', function () {
      var fields = {};
      if (b.dataset.id) fields.id = b.dataset.id;
      if (b.dataset.lang) fields.lang = b.dataset.lang;
      map.send(b.dataset.cmd, fields);
    });
  });
})();
