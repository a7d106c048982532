import { chromium } from "playwright-core";
const [,, url, out, w = "360", h = "1400", js = "off"] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const p = await (await b.newContext({ viewport: { width: +w, height: +h }, javaScriptEnabled: js === "on" })).newPage();
await p.goto(url); await p.screenshot({ path: out, fullPage: false }); await b.close();
