// Lighthouse on every URL given, in one Debian Chromium, mobile preset (the
// default). Writes <out>/<name>.html reports and prints a JSON summary:
// {url: {scores: {category: 0-100}, failing: [audit ids]}}.
//
//   node tests/browser/lighthouse.mjs <out-dir> <url>...
//
// The tests (tests/test_browser.py) read the summary and gate on it.

import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [outDir, ...urls] = process.argv.slice(2);
if (!outDir || urls.length === 0) {
  console.error("usage: node tests/browser/lighthouse.mjs <out-dir> <url>...");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  // Same flags as the Playwright tests: no calls to Google services, and no
  // sandbox because CI runs as root.
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const summary = {};
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "html",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const { lhr, report } = result;
    const name = new URL(url).pathname.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "home";
    fs.writeFileSync(path.join(outDir, `${name}.html`), report);
    const scores = {};
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = Math.round(category.score * 100);
    }
    // Audits that lost points in the gated categories, to say what to fix.
    const failing = [];
    for (const id of ["accessibility", "best-practices", "seo"]) {
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${id}: ${ref.id} (${audit.title})`);
        }
      }
    }
    summary[url] = { scores, failing };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
