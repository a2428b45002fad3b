// A Chinese view shows no stray English: every word of Latin letters a
// Chinese reader meets (text, names for screen readers, tooltips, the page
// title) is a proper noun, a unit symbol, a key or a code on the allow-list
// that src/state/text.rs checks the text table against.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

const ALLOWED = new Set(
  readFileSync(new URL('../ascii-allowed.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.split('#')[0].trim())
    .filter(Boolean),
);

/** Words of Latin letters (with inner hyphens and dots) not allowed and holding no digit (a digit makes a code). */
function stray(text) {
  return (text.match(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g) ?? []).filter(
    (w) => !/\d/.test(w) && !ALLOWED.has(w),
  );
}

/** In the page: every string a reader or a screen reader meets, with where it is. */
function texts() {
  const out = [{ where: 'title', text: document.title }];
  const zh = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript') || !zh(el) || !n.textContent.trim()) continue;
    out.push({ where: el.outerHTML.slice(0, 80), text: n.textContent });
  }
  const attrs = ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];
  for (const el of document.body.querySelectorAll('*')) {
    if (!zh(el)) continue;
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v) out.push({ where: `${el.tagName.toLowerCase()}[${a}]`, text: v });
    }
  }
  return out;
}

async function expectNoStrayEnglish(page, state) {
  const found = [
    ...new Set(
      (await page.evaluate(texts)).flatMap(({ where, text }) =>
        stray(text).map((w) => `${state}: "${w}" in ${where}: ${text.slice(0, 120)}`),
      ),
    ),
  ];
  expect(found, "English words on a Chinese page").toEqual([]);
}

test('the allow-list check can fail', () => {
  expect(stray('来源 · data note')).toEqual(['data', 'note']);
  expect(stray('知道了 OK')).toEqual(['OK']);
  expect(stray('按住 Ctrl 键，导出 PNG 图片，GCJ-02')).toEqual([]);
});

for (const lang of ['zh-Hans', 'zh-Hant']) {
  test(`no stray English words in ${lang}`, async ({ page }) => {
    const map = new MapPage(page);
    // a parameter the map cannot read brings up the link notice
    await map.open(`?lang=${lang}&z=abc`);
    await expect(page.getByTestId('url-notice')).toBeVisible();
    await expectNoStrayEnglish(page, 'home');

    await page.getByTestId('list-toggle').click();
    await expect(page.getByTestId('listing')).toBeVisible();
    await expectNoStrayEnglish(page, 'list');

    await page.getByTestId('list-zone-binjiang').click();
    await expect(page.getByTestId('details')).toBeVisible();
    await expectNoStrayEnglish(page, 'details of Binjiang');
    await page.getByTestId('list-zone-binxiao').click();
    await expect(page.getByTestId('details')).toHaveAttribute('data-selection', 'zone:binxiao');
    await expectNoStrayEnglish(page, 'details of Binxiao');
    await page.getByTestId('details-close').click();

    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-dialog')).toBeVisible();
    await expectNoStrayEnglish(page, 'share dialog');
    await page.getByTestId('share-close').click();

    await page.getByTestId('tour-start').click();
    await expect(page.getByTestId('tour-title')).toBeVisible();
    await expectNoStrayEnglish(page, 'tour');
  });
}
