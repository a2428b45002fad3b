// A tap on the first view (index.html's outlines, drawn before the wasm has
// arrived) is not lost: the zone tapped is outlined at once and named on the
// page's root element as data-first-tap, and the app opens its details when
// its map is there (src/ui/first_tap.rs). Only the zones the app lets a
// visitor select take taps (public/style.css, "First view").
// scripts/build-wasm.mjs puts this at the top of the page's start script,
// before the wasm is asked for; scripts/single-file.mjs into the single file.
{
  const firstView = document.getElementById('first-view');
  firstView?.addEventListener('click', (event) => {
    const zone = event.target instanceof Element ? event.target.closest('[data-first-view]') : null;
    if (!zone) return;
    for (const tapped of firstView.querySelectorAll('.is-tapped')) tapped.classList.remove('is-tapped');
    zone.classList.add('is-tapped');
    document.documentElement.dataset.firstTap = zone.getAttribute('data-first-view');
  });
}
