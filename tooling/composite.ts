import type { BrowserContext } from 'playwright-core';

/**
 * DevTools' own screenshot leaves the docked page area blank, so the picture people want (the app
 * and the panel side by side) is composed in a scratch page from two screenshots.
 */
export async function sideBySide(context: BrowserContext, left: Buffer, right: Buffer, path: string): Promise<void> {
  const page = await context.newPage();
  try {
    const url = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;display:flex;align-items:flex-start;background:#888">` +
        `<img id="l" src="${url(left)}" style="display:block"><img id="r" src="${url(right)}" style="display:block"></body>`,
    );
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0));
    const size = await page.evaluate(() => {
      const imgs = Array.from(document.images);
      return {
        width: imgs.reduce((w, i) => w + i.naturalWidth, 0),
        height: Math.max(...imgs.map((i) => i.naturalHeight)),
      };
    });
    await page.setViewportSize(size);
    await page.screenshot({ path, clip: { x: 0, y: 0, ...size } });
  } finally {
    await page.close();
  }
}
