// The probe's floor: a page that does nothing but show a <div> on a click and
// remove it on Escape. No library, no data, no map. It is served by the same
// server under the same Content-Security-Policy and timed by the same probe
// (lib/probe.js) as the other pages, so its click → shown latency is what the
// probe and the browser's own input and frame pipeline cost: the least any
// page can show.
import './common.css';
import { signalPainted } from './common.js';

const container = document.getElementById('map');
let shown = null;

container.addEventListener('click', () => {
  if (shown) return;
  shown = document.createElement('div');
  shown.className = 'floor';
  shown.setAttribute('data-testid', 'details');
  const title = document.createElement('h2');
  title.setAttribute('data-testid', 'details-title');
  title.textContent = 'Binjiang';
  shown.append(title);
  document.body.append(shown);
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || !shown) return;
  shown.remove();
  shown = null;
});

signalPainted();

// The driver clicks the middle of the page, whatever lon/lat it asks for.
window.__benchPage = {
  toScreen: () => {
    const r = container.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  },
};
