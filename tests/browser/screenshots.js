// Screenshots of one html sample for the README (docs/screenshots/), from Debian's Chromium:
//   node tests/browser/screenshots.js            (from the repository root; rewrites the PNGs)
// The same browser settings as check_pages.js; one copy button is clicked to show its feedback.
"use strict";

const path = require("path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..", "..");
const SHOTS = [
  { page: "samples/rendered/shop.example.net.en.html", out: "docs/screenshots/html-en.png", width: 1000, height: 1100, top: true },
  { page: "samples/rendered/shop.example.net.ja.html", out: "docs/screenshots/html-ja.png", width: 1000, height: 1100 },
  { page: "samples/rendered/shop.example.net.en.html", out: "docs/screenshots/html-phone.png", width: 375, height: 812 },
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    for (const shot of SHOTS) {
      const page = await context.newPage();
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await page.goto("file://" + path.join(ROOT, shot.page));
      if (!shot.top) await page.evaluate(() => window.scrollTo(0, document.getElementById("step-1").offsetTop - 16));
      await page.locator('button[data-copy="step-1-value"]').click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(ROOT, shot.out) });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => { console.error(error.stack || String(error)); process.exit(1); });
