// Records every message from the map so the tests can read them.
window.mapEvents = [];
window.addEventListener('message', (ev) => {
  if (ev.data && ev.data.ns === 'binjiang-map') window.mapEvents.push({ origin: ev.origin, ...ev.data });
});
window.sendToMap = (msg) => {
  const frame = document.querySelector('iframe');
  frame.contentWindow.postMessage({ ns: 'binjiang-map', v: 1, ...msg }, '{{MAP_ORIGIN}}');
};
