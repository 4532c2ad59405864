// Debian's Chromium driven by playwright-core (which downloads no browser of its own).
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.DEPLOY_DOCTOR_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium in a container from reaching out or needing a GPU. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless browser with its own profile folder; close it with `context.close()`. */
export async function launchBrowser(profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
}
