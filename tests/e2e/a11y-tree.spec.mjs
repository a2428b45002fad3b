// The accessibility tree names every zone and every placed site on the map,
// and the list names every site, placed or not.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { geodata } from './a11y.mjs';

const buttonNamed = (snapshot, name) =>
  snapshot.split('\n').some((l) => /^\s*- button\b/.test(l) && l.includes(name));

for (const lang of ['zh-Hans', 'en']) {
  test(`the accessibility tree names every zone and site (${lang})`, async ({ page }) => {
    const map = new MapPage(page);
    await map.open(`?lang=${lang}`);
    const { zones, sites } = geodata();
    const onMap = await map.map.ariaSnapshot();
    for (const z of zones) expect(buttonNamed(onMap, z.names[lang]), `zone ${z.id}`).toBe(true);
    for (const s of sites.filter((s) => s.placed)) expect(buttonNamed(onMap, s.names[lang]), `site ${s.id}`).toBe(true);

    await page.getByTestId('list-toggle').click();
    const listed = await page.getByTestId('listing').ariaSnapshot();
    for (const f of [...zones, ...sites]) expect(buttonNamed(listed, f.names[lang]), `listed ${f.id}`).toBe(true);
  });
}
