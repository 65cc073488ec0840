#!/usr/bin/env python3
"""The search page in a real browser: headless Chromium driven by Selenium.

    python3 Tests/Browser/search_page_test.py PATH/TO/newsidx [--shots DIR]

Indexes the repository's Corpus/ into a temporary index, starts `newsidx serve` on a free
port, and walks the page as a person would: types "Lavrov Kursk" into the box and presses
Enter, finds the seed story first with both words marked, opens it, goes back, narrows a
broader query by a source facet, a year bar and a month bar, pages forward, then checks
what a keyboard or screen reader user and a phone need (lang, labels, landmarks, focus
order, no sideways scroll at 375 px). After every step the browser's console must hold no
error: the content security policy forbids inline script and style, so a violation shows
up there. Each step leaves a screenshot in .build/browser/NN-step.png.

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)
and Selenium from PyPI; the driver is given explicitly, so Selenium Manager downloads
nothing. Prints one line per check and closes with "N passed, M failed"; exit status 1
when a check failed (a step that breaks counts as one failure and ends the walk), 2 when
newsidx, Chromium, its driver or Selenium is missing.
"""

import argparse
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("search_page_test: Selenium is missing (pip install selenium)", file=sys.stderr)
    sys.exit(2)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SEED_QUERY = "Lavrov Kursk"
SEED_TITLE = "North Korean Foreign Minister Choe Son-hui"
SEED_PATH = "2025-10-27-yonhap-choe-lavrov-moscow.txt"
# Many hits (26 in Corpus/) from TASS, CNN, Reuters and Yonhap, dated 1987, 2017 and 2025:
# a source facet, a year bar then a month bar narrow it, and 2017-03 alone still fills
# more than a page.
BROAD_QUERY = "minister"
DESKTOP = (1280, 900)
PHONE = (375, 800)
WAIT = 10  # seconds for a page to come


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok


class Server:
    """`newsidx serve --port 0` on a temporary index of Corpus/."""

    def __init__(self, binary, index):
        self.err = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [binary, "serve", "--index", index, "--port", "0", "--quiet"],
            stdout=subprocess.PIPE, stderr=self.err, cwd=REPO)
        line = self._first_line(timeout=20)
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"newsidx serve printed no address: {line!r}; stderr: {self.stderr()}")
        self.base = match.group(1)

    def _first_line(self, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        fd = self.process.stdout.fileno()
        while b"\n" not in data and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            data += chunk
        return data.decode("utf-8", "replace").split("\n")[0]

    def stderr(self):
        self.err.seek(0)
        return self.err.read().decode("utf-8", "replace")[-2000:]

    def stop(self):
        """SIGTERM; the exit status (None if it had to be killed)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return None
        return self.process.returncode


def make_driver():
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--lang=en-US", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--disable-default-apps", "--force-color-profile=srgb",
                 "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Walk:
    def __init__(self, driver, base, shots, checks):
        self.d = driver
        self.base = base
        self.shots = shots
        self.c = checks
        self.step = 0

    # -- helpers ---------------------------------------------------------------------------

    def viewport(self, size, mobile=False):
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})

    def shot(self, name):
        self.step += 1
        path = self.shots / f"{self.step:02d}-{name}.png"
        self.d.save_screenshot(str(path))
        return path

    def console_clean(self, where):
        """Fails on SEVERE entries in the browser's console since the last look."""
        entries = self.d.get_log("browser")
        severe = [e["message"] for e in entries if e.get("level") == "SEVERE"]
        for e in entries:
            if e.get("level") != "SEVERE":
                print(f"      console {e.get('level')}: {e.get('message')}")
        self.c.check(f"{where}: no console errors", not severe, "; ".join(severe))

    def loaded(self):
        WebDriverWait(self.d, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def navigate(self, act):
        """Runs `act` (a click, a key) and waits for the next page."""
        old = self.d.find_element(By.TAG_NAME, "html")
        act()
        WebDriverWait(self.d, WAIT).until(EC.staleness_of(old))
        self.loaded()

    def open(self, path):
        self.d.get(urllib.parse.urljoin(self.base, path))
        self.loaded()

    def params(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.d.current_url).query)

    def total(self):
        """The result count in the summary line ("26 stories · 3.1 ms")."""
        text = self.d.find_element(By.CSS_SELECTOR, "p.summary").text
        match = re.match(r"(?:at least )?(\d+) stor", text)
        return int(match.group(1)) if match else None

    def hits(self):
        """Each hit on the page: title, source, date."""
        return self.d.execute_script("""
            return [...document.querySelectorAll('li.hit')].map(li => ({
                title: li.querySelector('h2').textContent.trim(),
                source: (li.querySelector(':scope > .meta .source') || {}).textContent || null,
                date: (li.querySelector(':scope > .meta time') || {}).getAttribute?.('datetime') || null,
                marks: [...li.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()),
            }));""")

    def search_from_box(self, words):
        box = self.d.find_element(By.ID, "q")
        box.clear()
        box.send_keys(words)
        self.navigate(lambda: box.send_keys(Keys.ENTER))

    # -- the walk --------------------------------------------------------------------------

    def run(self):
        self.viewport(DESKTOP)
        self.home()
        self.seed_search()
        self.seed_story()
        self.back_to_results()
        self.source_facet()
        self.month_bar()
        self.paging()
        self.landmarks_and_labels()
        self.keyboard()
        self.phone()
        self.dark()
        self.csp_control()

    def home(self):
        self.open("/")
        c = self.c
        c.check("home: title", self.d.title == "newsidx", self.d.title)
        c.check("home: story count shown", re.search(r"\d+ stories", self.d.find_element(By.CSS_SELECTOR, "p.summary").text) is not None)
        c.check("home: search box present and empty", self.d.find_element(By.ID, "q").get_attribute("value") == "")
        self.shot("home")
        self.console_clean("home")

    def seed_search(self):
        c = self.c
        box = self.d.find_element(By.ID, "q")
        box.send_keys(SEED_QUERY)
        self.navigate(lambda: box.send_keys(Keys.ENTER))
        c.check("seed: Enter submits to /search?q=…", self.params().get("q") == [SEED_QUERY], self.d.current_url)
        c.check("seed: query kept in the box", self.d.find_element(By.ID, "q").get_attribute("value") == SEED_QUERY)
        hits = self.hits()
        c.check("seed: one story found", self.total() == 1 and len(hits) == 1, f"{self.total()} stories, {len(hits)} shown")
        first = hits[0] if hits else {"title": "", "marks": []}
        c.check("seed: seed story first", first["title"].startswith(SEED_TITLE), first["title"])
        c.check("seed: both words marked", {"lavrov", "kursk"} <= set(first["marks"]), first["marks"])
        c.check("seed: page title names the query", self.d.title.startswith(SEED_QUERY), self.d.title)
        self.shot("results-lavrov-kursk")
        self.console_clean("seed results")

    def seed_story(self):
        c = self.c
        link = self.d.find_element(By.CSS_SELECTOR, "li.hit h2 a")
        self.navigate(link.click)
        c.check("story: /story/ID?q= address", re.search(r"/story/\d+\?q=", self.d.current_url) is not None, self.d.current_url)
        h1 = self.d.find_element(By.TAG_NAME, "h1").text
        c.check("story: heading is the seed title", h1.startswith(SEED_TITLE), h1)
        marks = {m.text.lower() for m in self.d.find_elements(By.CSS_SELECTOR, "article .text mark")}
        c.check("story: both words marked in the text", {"lavrov", "kursk"} <= marks, sorted(marks))
        c.check("story: stored path shown", SEED_PATH in self.d.find_element(By.CSS_SELECTOR, "article p.fine").text)
        c.check("story: link back to the results", len(self.d.find_elements(By.CSS_SELECTOR, "article a[href^='/search?q=']")) == 1)
        self.shot("story")
        self.console_clean("story")

    def back_to_results(self):
        c = self.c
        self.navigate(self.d.back)
        c.check("back: results address again", self.params().get("q") == [SEED_QUERY], self.d.current_url)
        hits = self.hits()
        c.check("back: seed story still first", bool(hits) and hits[0]["title"].startswith(SEED_TITLE))
        self.shot("back-to-results")
        self.console_clean("back")

    def source_facet(self):
        c = self.c
        self.search_from_box(BROAD_QUERY)
        self.broad_total = self.total()
        c.check(f"broad: '{BROAD_QUERY}' has more than a page of hits", (self.broad_total or 0) > 10, self.broad_total)
        sources = self.d.find_elements(By.CSS_SELECTOR, "aside.facets ul.facet a[href*='source=']")
        c.check("broad: source facets listed", len(sources) >= 2, len(sources))
        self.shot("results-broad")
        self.console_clean("broad results")
        # The second source, so the check does not lean on the first being the only one.
        link = sources[1] if len(sources) > 1 else sources[0]
        source = link.text
        count = int(link.find_element(By.XPATH, "following-sibling::span[@class='count']").text)
        self.navigate(link.click)
        p = self.params()
        c.check("source: URL carries source=", p.get("source") == [source] and p.get("q") == [BROAD_QUERY], self.d.current_url)
        narrowed = self.total()
        c.check("source: result count shrinks", narrowed is not None and narrowed < self.broad_total, f"{narrowed} of {self.broad_total}")
        c.check("source: count as the facet said", narrowed == count, f"{narrowed}, facet said {count}")
        hits = self.hits()
        c.check("source: every hit from that source", bool(hits) and all(h["source"] == source for h in hits),
                [h["source"] for h in hits])
        self.source, self.source_total = source, narrowed
        self.shot("source-facet")
        self.console_clean("source facet")

    def bar(self, value=None):
        """The period bar link for `value`, or the one with the most stories."""
        bars = self.d.find_elements(By.CSS_SELECTOR, "aside.facets .bars a")
        if value is not None:
            return next((b for b in bars if (b.get_attribute("title") or "").startswith(value + ":")), None)
        def count(b):
            m = re.search(r": (\d+) stor", b.get_attribute("title") or "")
            return int(m.group(1)) if m else 0
        return max(bars, key=count, default=None)

    def month_bar(self):
        """Within the source, a month bar narrows again, keeping the source."""
        c = self.c
        c.check("month: bars are months", self.d.find_element(By.XPATH, "//aside//h2[starts-with(., 'By ')]").text == "By month")
        bars = self.d.find_elements(By.CSS_SELECTOR, "aside.facets .bars a")
        # The smallest non-empty month, so that it narrows whenever there are two.
        def count(b):
            return int(re.search(r": (\d+) stor", b.get_attribute("title")).group(1))
        bar = min(bars, key=count) if bars else None
        if not c.check("month: a bar to click", bar is not None):
            return
        month = bar.get_attribute("title").split(":")[0]
        c.check("month: bar is a link named by its month and count", bar.aria_role == "link" and bar.accessible_name.startswith(month + ": "),
                f"role {bar.aria_role}, name {bar.accessible_name!r}")
        self.navigate(bar.click)
        p = self.params()
        c.check("month: URL carries since= until= and keeps source=",
                p.get("since") == [month] and p.get("until") == [month] and p.get("source") == [self.source], self.d.current_url)
        narrowed = self.total()
        c.check("month: result count shrinks", narrowed is not None and narrowed < self.source_total, f"{narrowed} of {self.source_total}")
        hits = self.hits()
        c.check(f"month: every hit dated {month}, from {self.source}",
                bool(hits) and all((h["date"] or "").startswith(month + "-") and h["source"] == self.source for h in hits),
                [(h["date"], h["source"]) for h in hits])
        self.shot("month-bar")
        self.console_clean("month bar")

    def paging(self):
        """The broad query again: a year bar, then a month bar full enough to page forward."""
        c = self.c
        self.search_from_box(BROAD_QUERY)
        c.check("paging: a new search drops the narrowing", self.total() == self.broad_total and "source" not in self.params())
        year_bar = self.bar()
        if not c.check("paging: year bars shown", year_bar is not None and len(self.d.find_element(By.CSS_SELECTOR, "aside .axis span").text) == 4):
            return
        year = year_bar.get_attribute("title").split(":")[0]
        self.navigate(year_bar.click)
        year_total = self.total()
        c.check(f"year: {year} narrows", year_total is not None and year_total < self.broad_total and self.params().get("since") == [year],
                f"{year_total} of {self.broad_total}, {self.d.current_url}")
        c.check(f"year: every hit dated {year}", all((h["date"] or "").startswith(year + "-") for h in self.hits()))
        c.check("year: bars now months", self.d.find_element(By.XPATH, "//aside//h2[starts-with(., 'By ')]").text == "By month")
        self.shot("year-bar")
        self.console_clean("year bar")
        month_bar = self.bar()
        month = month_bar.get_attribute("title").split(":")[0]
        self.navigate(month_bar.click)
        month_total = self.total()
        c.check(f"month: {month} narrows", month_total is not None and month_total < year_total, f"{month_total} of {year_total}")
        c.check(f"month: {month} fills more than a page", month_total is not None and month_total > 10, month_total)
        first_page = self.hits()
        c.check(f"month: every hit dated {month}", all((h["date"] or "").startswith(month + "-") for h in first_page))
        c.check("paging: ten hits on page 1", len(first_page) == 10, len(first_page))
        nav = self.d.find_elements(By.CSS_SELECTOR, "nav.pages")
        if not c.check("paging: a Pages navigation", len(nav) == 1):
            return
        self.shot("month-bar-page-1")
        self.console_clean("month bar page 1")
        nxt = self.d.find_element(By.CSS_SELECTOR, "nav.pages a[rel=next]")
        self.navigate(nxt.click)
        p = self.params()
        c.check("paging: URL carries page=2 and keeps since= until=",
                p.get("page") == ["2"] and p.get("since") == [month] and p.get("until") == [month], self.d.current_url)
        second = self.hits()
        c.check("paging: page 2 has the rest", len(second) == month_total - 10, f"{len(second)} of {month_total}")
        c.check("paging: page 2 numbered from 11", self.d.find_element(By.CSS_SELECTOR, "ol.hits").get_attribute("start") == "11")
        c.check("paging: no hit repeated from page 1", not ({h["title"] for h in second} & {h["title"] for h in first_page}))
        c.check(f"paging: every hit still dated {month}", all((h["date"] or "").startswith(month + "-") for h in second))
        c.check("paging: Previous link, no Next", bool(self.d.find_elements(By.CSS_SELECTOR, "nav.pages a[rel=prev]"))
                and not self.d.find_elements(By.CSS_SELECTOR, "nav.pages a[rel=next]"))
        self.shot("page-2")
        self.console_clean("page 2")

    def landmarks_and_labels(self):
        c = self.c
        # A page with every landmark: the broad query's results have facets and pages.
        self.open("/search?q=" + urllib.parse.quote(BROAD_QUERY))
        info = self.d.execute_script("""
            const q = document.getElementById('q');
            const name = el => (el.getAttribute('aria-label') || [...(el.labels || [])].map(l => l.textContent).join(' ')).trim();
            return {
                lang: document.documentElement.getAttribute('lang'),
                label: q ? name(q) : null,
                unlabelled: [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(el => !name(el)).map(el => el.outerHTML),
                header: document.querySelectorAll('body > header').length,
                main: document.querySelectorAll('main').length,
                nav: document.querySelectorAll('main nav[aria-label]').length,
                aside: document.querySelectorAll('main aside[aria-label]').length,
                footer: document.querySelectorAll('body > footer').length,
                search: document.querySelectorAll('header form[role=search]').length,
                h1: document.querySelectorAll('h1').length,
                namelessLinks: [...document.querySelectorAll('a[href]')].filter(a => !a.textContent.trim() && !a.getAttribute('aria-label')).length,
                viewport: (document.querySelector('meta[name=viewport]') || {}).content || null,
            };""")
        c.check("a11y: <html lang> set", bool(info["lang"]) and info["lang"].startswith("en"), info["lang"])
        box = self.d.find_element(By.ID, "q")
        c.check("a11y: search box has a label", bool(info["label"]) and box.accessible_name == info["label"],
                f"label {info['label']!r}, accessible name {box.accessible_name!r}")
        c.check("a11y: every form control labelled", not info["unlabelled"], info["unlabelled"])
        c.check("a11y: header, main, nav, aside, footer landmarks",
                (info["header"], info["main"], info["nav"], info["aside"], info["footer"]) == (1, 1, 1, 1, 1),
                {k: info[k] for k in ("header", "main", "nav", "aside", "footer")})
        c.check("a11y: search form has role=search", info["search"] == 1)
        c.check("a11y: one h1", info["h1"] == 1, info["h1"])
        c.check("a11y: every link has a name", info["namelessLinks"] == 0, info["namelessLinks"])
        c.check("a11y: viewport meta for phones", info["viewport"] is not None and "width=device-width" in info["viewport"], info["viewport"])
        self.console_clean("landmarks")

    def keyboard(self):
        """Tab from the page start: the skip link, then the search box, before any result."""
        c = self.c
        self.open("/search?q=" + urllib.parse.quote(BROAD_QUERY))
        describe = """
            const el = document.activeElement;
            return {id: el.id, tag: el.tagName, cls: el.className, text: (el.textContent || '').trim().slice(0, 40),
                    inHits: !!el.closest('section.hits'), inMain: !!el.closest('main'),
                    outline: getComputedStyle(el).outlineStyle, left: el.getBoundingClientRect().left};"""
        order = []
        for _ in range(8):
            ActionChains(self.d).send_keys(Keys.TAB).perform()
            order.append(self.d.execute_script(describe))
            if order[-1]["inHits"]:
                break
        c.check("keyboard: first Tab reaches the skip link, shown on screen",
                order[0]["cls"] == "skip" and order[0]["left"] >= 0, order[0])
        at_box = next((i for i, e in enumerate(order) if e["id"] == "q"), None)
        at_hit = next((i for i, e in enumerate(order) if e["inHits"]), None)
        c.check("keyboard: Tab reaches the search box before the results",
                at_box is not None and (at_hit is None or at_box < at_hit), [f"{e['tag']}#{e['id']}.{e['cls']}" for e in order])
        c.check("keyboard: focus is visible (outline)", all(e["outline"] != "none" for e in order), [e["outline"] for e in order])
        # Back to the skip link: Enter on it moves the focus into the main content.
        self.open("/search?q=" + urllib.parse.quote(BROAD_QUERY))
        ActionChains(self.d).send_keys(Keys.TAB).perform()
        self.shot("keyboard-skip-link")
        ActionChains(self.d).send_keys(Keys.ENTER).perform()
        ActionChains(self.d).send_keys(Keys.TAB).perform()
        after = self.d.execute_script(describe)
        c.check("keyboard: skip link leads into main", self.d.current_url.endswith("#main") and after["inMain"], after)
        self.console_clean("keyboard")

    def phone(self):
        c = self.c
        self.viewport(PHONE, mobile=True)
        try:
            for name, path in (("phone-home", "/"),
                               ("phone-results", "/search?q=" + urllib.parse.quote(BROAD_QUERY)),
                               ("phone-story", None)):
                if path is None:
                    link = self.d.find_element(By.CSS_SELECTOR, "li.hit h2 a")
                    self.navigate(link.click)
                else:
                    self.open(path)
                size = self.d.execute_script(
                    "return [document.scrollingElement.scrollWidth, window.innerWidth]")
                c.check(f"{name}: viewport {PHONE[0]} px wide", size[1] == PHONE[0], size[1])
                c.check(f"{name}: no horizontal scroll", size[0] <= size[1], f"scrollWidth {size[0]} > innerWidth {size[1]}")
                if name == "phone-results":
                    stacked = self.d.execute_script("""
                        const s = document.querySelector('section.hits').getBoundingClientRect();
                        const a = document.querySelector('aside.facets').getBoundingClientRect();
                        return a.top >= s.bottom - 1;""")
                    c.check("phone-results: facets below the results (one column)", stacked)
                self.shot(name)
                self.console_clean(name)
        finally:
            self.viewport(DESKTOP)

    def dark(self):
        """The results in the dark colour scheme (a screenshot to look at; console must stay clean)."""
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        try:
            self.open("/search?q=" + urllib.parse.quote(BROAD_QUERY))
            bg = self.d.execute_script("return getComputedStyle(document.body).backgroundColor")
            self.c.check("dark: dark background", bg in ("rgb(18, 18, 18)",), bg)
            self.shot("dark-results")
            self.console_clean("dark")
        finally:
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def csp_control(self):
        """The console check sees a content security policy violation (an inline style)."""
        self.open("/")
        self.d.get_log("browser")
        self.d.execute_script("const s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.appendChild(s);")
        time.sleep(0.2)
        entries = [e for e in self.d.get_log("browser") if e.get("level") == "SEVERE"]
        self.c.check("control: an inline style is refused and logged as an error",
                     any("Content Security Policy" in e["message"] for e in entries), entries)
        color = self.d.execute_script("return getComputedStyle(document.body).color")
        self.c.check("control: the refused style does not apply", color != "rgb(255, 0, 0)", color)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", help="the newsidx binary")
    parser.add_argument("--shots", default=str(REPO / ".build" / "browser"), help="folder for the screenshots")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    for path, what in ((binary, "newsidx"), (CHROMIUM, "chromium"), (CHROMEDRIVER, "chromedriver")):
        if not os.access(path, os.X_OK):
            print(f"search_page_test: no {what} at {path}", file=sys.stderr)
            return 2
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()

    started = time.monotonic()
    checks = Checks()
    work = tempfile.mkdtemp(prefix="newsidx-browser-")
    server = driver = None
    try:
        index = os.path.join(work, "index")
        add = subprocess.run([binary, "add", "--quiet", "--index", index, "Corpus/"], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
        if not checks.check("newsidx add indexes Corpus/", add.returncode == 0, f"status {add.returncode}: {add.stderr.strip()}"):
            raise RuntimeError("no index")
        server = Server(binary, index)
        print(f"      serving at {server.base}")
        driver = make_driver()
        Walk(driver, server.base, shots, checks).run()
    except Exception as error:  # one failure, then the summary: the walk's later steps need the earlier
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        checks.check("the walk ran to its end", False, f"{type(error).__name__}: {message}")
        if not isinstance(error, RuntimeError):
            traceback.print_exc(limit=4)
        if driver is not None:
            try:
                driver.save_screenshot(str(shots / "99-failure.png"))
                print(f"      at {driver.current_url}; screenshot {shots / '99-failure.png'}")
            except WebDriverException:
                pass
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            status = server.stop()
            checks.check("server: SIGTERM stops it with status 0", status == 0, f"status {status}; stderr: {server.stderr()}")
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {shots} ({len(list(shots.glob('*.png')))}); {time.monotonic() - started:.1f} s")
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
