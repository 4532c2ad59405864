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
    // The folder is loaded once the explorer shows it; Quick Open searches it from then on.
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
    const rows = page.locator('.markers-panel .monaco-list-row');
    const row = rows.filter({ hasText: 'cors/wildcard' });
    await row.first().waitFor({ timeout: 60_000 });
    const text = await row.first().innerText();
    if (!/allows every origin/.test(text)) throw new Error(`the Problems row does not explain the finding: ${text}`);
    if (!/Ln 1, Col 13/.test(text)) throw new Error(`the Problems row does not point at the \`*\` (line 1, column 13): ${text}`);
    // One file row and one finding: a file without a product gets the generic CORS check only.
    const all = await rows.allInnerTexts();
    if (all.length !== 2) throw new Error(`the Problems panel should list the .env and its one finding, it lists: ${JSON.stringify(all)}`);
  } finally {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}
