// The content check (?check=1) a keeper opens after an upload: every content
// file with its size or why it failed, every problem with its file and line,
// and the map still drawn from what loaded. Files are altered on their way to
// the page, as a broken upload would be.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test.use({ serviceWorkers: 'block' });

const FILES = 11;

test('the check page finds no problem in the committed content and lists every file', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?check=1&lang=en');
  const report = page.getByTestId('check-report');
  await expect(report.getByRole('heading')).toHaveText('Content check');
  await expect(page.getByTestId('check-summary')).toHaveText(`No problems in ${FILES} files`);
  await expect(report.locator('li.content-check__file')).toHaveCount(FILES);
  await expect(report.locator('li.content-check__file[data-file="facts.toml"]')).toContainText(/\d+ bytes: no problems/);
});

test('a truncated file and a missing one are named with the line and the status; the rest is drawn', async ({ page }) => {
  let cutAt = 0;
  await page.route('**/data/facts.toml', async (route) => {
    const text = await (await route.fetch()).text();
    // cut inside a quoted string, half way through
    const half = text.slice(0, text.length / 2);
    const cut = half.slice(0, half.lastIndexOf('= "') + 3);
    cutAt = cut.split('\n').length;
    await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: cut });
  });
  await page.route('**/data/tour.toml', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const map = new MapPage(page);
  await map.open('?check=1&lang=en');
  await expect(page.getByTestId('check-summary')).toHaveText(/^Problems: [1-9]\d*$/);
  const facts = page.locator('li.content-check__file[data-file="facts.toml"]');
  await expect(facts).toHaveClass(/has-problems/);
  await expect(facts.locator('li.problem').first()).toContainText(`facts.toml, line ${cutAt}: the file cannot be read (a syntax error)`);
  const tour = page.locator('li.content-check__file[data-file="tour.toml"]');
  await expect(tour).toContainText('could not be fetched: HTTP 404');
  // said once, on the file's own line
  expect((await tour.innerText()).match(/could not be fetched/g)).toHaveLength(1);
  await expect(page.locator('li.content-check__file[data-file="sites.geojson"]')).toContainText('no problems');
  // the map is drawn from the files that loaded
  await expect(map.zone('binxiao')).toBeVisible();
  // and in Chinese the report speaks Chinese
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByTestId('check-report').getByRole('heading')).toHaveText('内容检查');
});

test('without check=1 a broken file is named in the data notice and the map still works', async ({ page }) => {
  await page.route('**/data/themes.toml', (route) => route.fulfill({ status: 500, body: 'server error' }));
  const map = new MapPage(page);
  await map.open('?lang=en');
  await expect(page.getByTestId('check-report')).toHaveCount(0);
  const notice = page.getByTestId('data-problems');
  await expect(notice).toBeVisible();
  await notice.locator('summary').click();
  await expect(notice.locator('li.problem').first()).toContainText('themes.toml: the file could not be fetched HTTP 500');
  expect((await notice.locator('li.problem').first().innerText()).match(/could not be fetched/g)).toHaveLength(1);
  await map.clickBinjiang();
  await expect(page.getByTestId('details-title')).toContainText('Binjiang');
});

test('the settings file sets the title, the review number and the home view; a bad setting is named and left out', async ({ page }) => {
  await page.route('**/data/map.toml', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: [
        'version = 1',
        'review_number = "浙S(2099)7号"',
        'home = [121.5, 30.1, 121.6, 30.2]',
        '[title]',
        'zh_hans = "滨江测试地图"',
        'zh_hant = "濱江測試地圖"',
        'en = "Binjiang test map"',
        '',
      ].join('\n'),
    }),
  );
  const map = new MapPage(page);
  await map.open('?lang=en');
  await expect(page.locator('h1.titlebar__name')).toHaveText('Binjiang test map');
  await expect(page).toHaveTitle('Binjiang test map');
  await expect(page.getByTestId('review-number')).toContainText('浙S(2099)7号');
  const notice = page.getByTestId('data-problems');
  await notice.locator('summary').click();
  await expect(notice.locator('li.problem')).toContainText('map.toml, line 3, record home: a coordinate lies outside Hangzhou');
  await expect(notice.locator('.problem__detail')).toContainText('expected [west, south, east, north]');
  // in Chinese, the place and the fault in Chinese, the file's own words as they are
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(notice.locator('li.problem')).toContainText('map.toml 第 3 行，记录 home：坐标在杭州范围之外');
});

test('markup in a content file is shown as text on the check page and in the notice, never as HTML', async ({ page }) => {
  await page.route('**/data/themes.toml', async (route) => {
    const text = await (await route.fetch()).text();
    // a theme whose id and name carry markup, and which names a member that does not exist
    const evil = '\n[[theme]]\nid = "<img src=x onerror=window.pwned=1>"\nzh_hans = "<b>甲</b>"\nzh_hant = "<b>乙</b>"\nen = "<script>window.pwned=1</script>"\nmembers = ["<i>nowhere</i>"]\n';
    await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: text + evil });
  });
  const map = new MapPage(page);
  await map.open('?check=1&lang=en');
  const themes = page.locator('li.content-check__file[data-file="themes.toml"]');
  await expect(themes).toHaveClass(/has-problems/);
  await expect(themes).toContainText('<img src=x onerror=window.pwned=1>');
  await expect(page.locator('.content-check img, .content-check b, .content-check i, .content-check script')).toHaveCount(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});

test('one bad value in a theme is one problem, counting the facts and the stop that relied on it', async ({ page }) => {
  await page.route('**/data/themes.toml', async (route) => {
    const text = await (await route.fetch()).text();
    const broken = text.replace('name_en = "China Vision Valley"', 'name_en = 3');
    expect(broken).not.toBe(text);
    await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: broken });
  });
  const map = new MapPage(page);
  await map.open('?check=1&lang=en');
  await expect(page.getByTestId('check-summary')).toHaveText('Problems: 1');
  const themes = page.locator('li.content-check__file[data-file="themes.toml"]');
  await expect(themes.locator('li.problem')).toHaveCount(1);
  await expect(themes.getByTestId('problem-dependents')).toHaveText(/^and \d+ records depending on it \(facts\.toml \d+, tour\.toml 1\)$/);
  // the facts and the stop are not listed again
  await expect(page.locator('li.content-check__file[data-file="facts.toml"]')).toContainText('no problems');
  await expect(page.locator('li.content-check__file[data-file="tour.toml"]')).toContainText('no problems');
});
