// Runs a plan of tests/test_engines.py in Debian's Firefox ESR, driven by
// Puppeteer over WebDriver BiDi (no geckodriver, no browser download:
// PUPPETEER_SKIP_DOWNLOAD=1 at install). The same plan runs in WebKitGTK
// from Python; the checks themselves are tests/engine_probe.js, in the page.
//
//   node tests/engine_firefox.mjs plan.json result.json
//
// The plan: {"base": URL, "shots": folder, "width": px, "height": px,
// "steps": [{"path", "shot", "checks": [[name, ...args]], "switch": lang}]}.
// The result: {"<path>": [problems]}.
import { readFileSync, writeFileSync } from "node:fs";
import puppeteer from "puppeteer";

const [planFile, resultFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const results = {};

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  // Nothing but the site: no updates, telemetry or other Mozilla services.
  extraPrefsFirefox: {
    "app.update.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "intl.accept_languages": "en-GB,en",
  },
});

async function probe(page, name, args) {
  return page.evaluate(
    (name, args) => window.__engineProbe ? window.__engineProbe[name](...args) : ["the probe did not load"],
    name, args,
  );
}

try {
  const page = await browser.newPage();
  await page.setViewport({ width: plan.width, height: plan.height });
  const console_errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") console_errors.push("console error: " + message.text());
  });
  page.on("pageerror", (error) => console_errors.push("uncaught: " + error.message));
  for (const step of plan.steps) {
    const problems = [];
    console_errors.length = 0;
    const response = await page.goto(plan.base + step.path, { waitUntil: "networkidle0" });
    if (step.status && response.status() !== step.status) {
      problems.push(`HTTP ${response.status()}, expected ${step.status}`);
    }
    // Until the probe is there and Material, if the page loads its bundle, has started
    // (it sets window.document$), as test_engines.py waits in WebKit.
    await page.waitForFunction(
      () => document.readyState === "complete" && !!window.__engineProbe &&
        (!document.querySelector('script[src*="bundle."]') || !!window.document$),
      { timeout: 10000 },
    );
    for (const [name, ...args] of step.checks || []) {
      problems.push(...(await probe(page, name, args)));
    }
    if (step.shot) {
      await page.screenshot({ path: `${plan.shots}/${step.shot}.png`, fullPage: true });
    }
    problems.push(...(await probe(page, "errors", [])));
    problems.push(...console_errors.filter((error) => !problems.includes(error)));
    if (step.switch) {
      const href = await probe(page, "switcher", [step.switch]);
      if (!href) {
        problems.push(`no switcher link to ${step.switch}`);
      } else {
        await Promise.all([
          page.waitForNavigation({ waitUntil: "networkidle0" }),
          page.evaluate((language) => document.querySelector(`a.md-select__link[hreflang='${language}']`).click(), step.switch),
        ]);
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (page.url() !== plan.base + step.lands || lang !== step.switch) {
          problems.push(`the switcher lands on ${page.url()} (lang ${lang}), not ${plan.base + step.lands}`);
        }
      }
    }
    results[step.path + (step.label ? ` (${step.label})` : "")] = problems;
  }
} catch (error) {
  results["(run)"] = [String(error && error.stack || error)];
} finally {
  await browser.close();
  writeFileSync(resultFile, JSON.stringify(results, null, 2));
}
