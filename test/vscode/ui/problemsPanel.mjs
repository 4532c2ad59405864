// UI smoke test: what a person sees. A `.env` with `CORS_ORIGIN=*` opened through Quick Open gets
// a squiggle, and the Problems panel lists the cors/wildcard finding. The selectors are VS Code
// internals of the pinned code-server version (scripts/install-code-server.sh).
import { join } from 'node:path';
import { workbenchUrl } from '../runner/suite.mjs';

export const title = 'a .env with CORS_ORIGIN=* shows a squiggle and its row in the Problems panel';

export async function run({ context, server, folder, outputDir }) {
  const page = await context.newPage();
  const screenshot = join(outputDir, 'ui-problems-panel.png');
  try {
    await page.goto(workbenchUrl(server, folder, {}), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 120_000 });
    // Quick Open needs the file index: retry until the .env is offered.
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    const quickInput = page.locator('.quick-input-widget input');
    await quickInput.waitFor({ timeout: 60_000 });
    await quickInput.fill('.env');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.env' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'CORS_ORIGIN' }).waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'cors/wildcard' });
    await row.first().waitFor({ timeout: 60_000 });
    const text = await row.first().innerText();
    if (!/CORS|origin/i.test(text)) throw new Error(`the Problems row does not describe the CORS finding: ${text}`);
  } finally {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}
