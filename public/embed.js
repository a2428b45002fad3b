/* Binjiang Map loader for host pages: turns every
 *   <div data-binjiang-map data-src="https://…/?embed=1" data-height="560"></div>
 * into an iframe of the map, keeps its height right (the map says what it
 * needs through postMessage), and re-dispatches the map's events on the div as
 * DOM events named "binjiang-map:<type>" (ready, select, deselect,
 * languagechange, resize). div.binjiangMap.send(type, fields) sends a command.
 * No dependencies, no inline styles, nothing loaded from anywhere else. */
(function () {
  'use strict';
  var NS = 'binjiang-map';
  var VERSION = 1;

  function originOf(url) {
    try {
      return new URL(url, window.location.href).origin;
    } catch (e) {
      return null;
    }
  }

  function mount(div) {
    if (div.binjiangMap) return div.binjiangMap;
    var src = div.getAttribute('data-src');
    var mapOrigin = src && originOf(src);
    if (!mapOrigin) {
      console.warn('binjiang-map: a <div data-binjiang-map> needs a valid data-src');
      return null;
    }
    var iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = div.getAttribute('data-title') || 'Map';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('allow', 'fullscreen');
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    var height = parseInt(div.getAttribute('data-height'), 10);
    iframe.style.width = '100%';
    iframe.style.height = (height > 0 ? height : 560) + 'px';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    div.appendChild(iframe);

    window.addEventListener('message', function (ev) {
      if (ev.source !== iframe.contentWindow || ev.origin !== mapOrigin) return;
      var m = ev.data;
      if (!m || m.ns !== NS || m.v !== VERSION || typeof m.type !== 'string') return;
      if (m.type === 'resize' && m.height > 0) iframe.style.height = m.height + 'px';
      div.dispatchEvent(new CustomEvent('binjiang-map:' + m.type, { detail: m }));
    });

    var api = {
      iframe: iframe,
      send: function (type, fields) {
        var msg = { ns: NS, v: VERSION, type: type };
        if (fields) for (var k in fields) if (Object.prototype.hasOwnProperty.call(fields, k)) msg[k] = fields[k];
        iframe.contentWindow.postMessage(msg, mapOrigin);
      },
    };
    div.binjiangMap = api;
    return api;
  }

  function scan() {
    var list = document.querySelectorAll('[data-binjiang-map]');
    for (var i = 0; i < list.length; i++) mount(list[i]);
  }

  window.BinjiangMap = { mount: mount, scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
