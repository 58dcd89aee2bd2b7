// Drives Debian's Chromium over the html format's pages and reports what it saw, as JSON on
// stdout; tests/test_html_browser.py decides pass or fail. One browser for every page.
//
//   node check_pages.js SPEC.json     SPEC: {"pages": ["/abs/page.html", ...], "pdf_dir": "/abs/dir"}
//
// For each page, opened from disk (file://) with every network request refused and recorded:
//   copies:    for each copy button in document order, its label, the box's text, the
//              clipboard's text after the click (read back through navigator.clipboard) and
//              the button's text just after (the visible feedback)
//   axe:       axe-core's serious and critical violations
//   overflow:  at 375 px and 1280 px wide, how far the page is wider than the window
//   pdf:       the page printed to PDF (print stylesheet), for pdftotext, and how many buttons
//              the print stylesheet leaves visible
//   requests:  every request that was not for the page's own file
// and then each page again with JavaScript off (withoutScript): the buttons shown and the copy boxes.
//
// The clipboard needs no server: Chromium grants clipboard-read and clipboard-write to a file:// page
// once the context has the permissions (granted for every origin below), so the pages are opened
// from disk as the people who receive them open them. axe runs first, on the page as it opens.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions"];

async function checkPage(context, file, pdfDir, index) {
  const page = await context.newPage();
  const url = "file://" + file;
  const requests = [];
  const errors = [];
  page.on("request", (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });

  // axe first, on the page as it opens (a button's text reads "Copied" for a moment after a click).
  await page.evaluate(AXE);
  const axe = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });

  const copied = await page.evaluate(() => document.querySelector("main").dataset.wordCopied);
  const buttons = await page.locator("button[data-copy]").all();
  const copies = [];
  for (const button of buttons) {
    const id = await button.getAttribute("data-copy");
    const label = await button.getAttribute("aria-label");
    const tag = await button.evaluate((b) => b.tagName);
    const box = await page.evaluate((id) => document.getElementById(id).textContent, id);
    await page.evaluate(() => navigator.clipboard.writeText("(nothing copied)"));
    await button.click();
    let feedback;
    try {
      await page.waitForFunction(([b, text]) => b.textContent === text, [await button.elementHandle(), copied],
                                 { timeout: 3000 });
      feedback = copied;
    } catch (e) {
      feedback = await button.textContent();
    }
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    copies.push({ id, label, tag, box, clipboard, feedback });
  }

  const overflow = {};
  const widest = {};
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    overflow[width] = await page.evaluate(() =>
      Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
    widest[width] = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      return [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 3).map((e) => e.tagName + "#" + e.id + "." + e.className);
    });
  }
  await page.emulateMedia({ media: "print" });
  const printedButtons = await page.evaluate(() =>
    [...document.querySelectorAll("button")].filter((b) => b.getClientRects().length > 0).length);
  await page.emulateMedia({ media: null });
  const pdf = path.join(pdfDir, `page-${index}.pdf`);
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const lang = await page.evaluate(() => document.documentElement.lang);
  const headings = await page.evaluate(() => [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1])));
  await page.close();
  return { file, lang, headings, copies, axe, overflow, widest, pdf, printedButtons, requests, errors };
}

// With JavaScript off, as some mail clients and hardened browsers open a page: which buttons show (a button
// that does nothing must not), and every copy box's text, visible and selectable, as the value to type.
async function checkWithoutScript(context, file) {
  const page = await context.newPage();
  await page.goto("file://" + file, { waitUntil: "load" });
  const buttons = await page.locator("button").all();
  let visibleButtons = 0;
  for (const button of buttons) if (await button.isVisible()) visibleButtons += 1;
  const boxes = [];
  for (const box of await page.locator("code.value").all()) {
    boxes.push({ id: await box.getAttribute("id"), text: await box.textContent(), visible: await box.isVisible(),
                 userSelect: await box.evaluate((b) => getComputedStyle(b).userSelect) });
  }
  await page.close();
  return { file, buttons: buttons.length, visibleButtons, boxes };
}

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // Every request but the page's own file is refused (and recorded by checkPage): the page must
    // need nothing but itself.
    await context.route("**/*", (route) =>
      spec.pages.some((file) => route.request().url() === "file://" + file) ? route.continue() : route.abort("blockedbyclient"));
    const results = [];
    for (const [index, file] of spec.pages.entries()) {
      results.push(await checkPage(context, file, spec.pdf_dir, index));
    }
    const scriptless = await browser.newContext({ javaScriptEnabled: false });
    await scriptless.route("**/*", (route) =>
      spec.pages.some((file) => route.request().url() === "file://" + file) ? route.continue() : route.abort("blockedbyclient"));
    const withoutScript = [];
    for (const file of spec.pages) withoutScript.push(await checkWithoutScript(scriptless, file));
    process.stdout.write(JSON.stringify({ chromium: browser.version(), pages: results, withoutScript }));
  } finally {
    await browser.close();
  }
}

main().catch((error) => { console.error(error.stack || String(error)); process.exit(1); });
