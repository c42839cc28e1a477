#!/usr/bin/python3
# check-phone-page.py: the phone page in a real browser, keyboard only
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vote on the phone page in headless Chromium, keyboard only.

    /usr/bin/python3 check-phone-page.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/cli/phone

`iap-workshop serve` runs a new round of the example on 127.0.0.1 (port
0). Chromium (Debian's chromium and chromium-driver, through Selenium),
headless in a phone-sized window (360 x 740), opens the address. Only
keys are sent from there on: Tab to the join code, the first
participant's code typed in lower case with spaces, Enter; on each risk,
Tab into the likelihood group, Space (on a group with no answer yet) and
Down arrows to a level, Tab
into the impact group, the same, Tab to Send and Enter. The last page
must say the answers were sent and list them; "change my answer" is
followed once, by keyboard, and the answer changed.

Every page seen must load nothing from another origin, and pass an
accessibility check: every control the keyboard reaches has a computed
accessible name (the browser's own), every radio group a legend, the
page a language and a title, and no element overflows the phone's
width. Screenshots: the join page, a risk, the last page (PNG, in
--output). Then SIGTERM: serve saves the round, and the file holds the
participant's answers as typed, the changed one changed. The first risk
is then asked for with ?lang=ar: the page must say lang="ar" and
dir="rtl", its likelihood legend must read as po/ar.po translates it
(from the built catalog, $IAP_WORKSHOP_LOCALEDIR), it must fit the phone
on both sides and link back to English (screenshot phone-risk-ar). Prints
TAP.

Skipped (exit 77) when chromium, chromedriver or Selenium is missing.
"""

import argparse
import gettext
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
except ImportError:
    print("1..0 # SKIP python3-selenium is not installed")
    sys.exit(77)

NS = "{https://iapworkshop.github.io/ns/workshop/1}"
WIDTH, HEIGHT = 360, 740


def levels(r):
    """What the phone answers for risk r (1-based): likelihood, impact"""
    return 1 + r % 5, 1 + (r * 2) % 5


A11Y_CHECK = """
const problems = [];
const visible = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
if (!document.documentElement.lang) problems.push('no lang on <html>');
if (!document.title.trim()) problems.push('no <title>');
document.querySelectorAll('input[type=radio]').forEach((r) => {
  const set = r.closest('fieldset');
  if (!set || !set.querySelector('legend') || !set.querySelector('legend').textContent.trim())
    problems.push('radio ' + r.name + ' without a fieldset legend');
});
document.querySelectorAll('img, svg').forEach((i) => {
  if (!i.getAttribute('alt') && !i.getAttribute('aria-label') && i.getAttribute('aria-hidden') !== 'true')
    problems.push('image without a text alternative');
});
document.querySelectorAll('body *').forEach((e) => {
  const box = e.getBoundingClientRect();
  if (visible(e) && (box.right > window.innerWidth + 1 || box.left < -1))
    problems.push('wider than the phone: <' + e.tagName.toLowerCase() + '> ' + (e.id || e.className));
});
const origin = window.location.origin;
performance.getEntriesByType('resource').forEach((r) => {
  if (!r.name.startsWith(origin)) problems.push('loads from elsewhere: ' + r.name);
});
return problems;
"""

FOCUSABLE = ("a[href], button, input:not([type=hidden]), select, textarea, "
             "[tabindex]:not([tabindex='-1'])")


class Check:
    def __init__(self, driver, output):
        self.driver, self.output = driver, output
        self.pages = 0

    def page(self, what, shot=None):
        d = self.driver
        problems = d.execute_script(A11Y_CHECK)
        unnamed = []
        for element in d.find_elements(By.CSS_SELECTOR, FOCUSABLE):
            if element.is_displayed() and not (element.accessible_name or "").strip():
                unnamed.append(element.get_attribute("outerHTML")[:80])
        ok(not problems and not unnamed, f"{what}: every control labelled, nothing from elsewhere, fits",
           f"{problems} {unnamed}")
        if shot:
            path = os.path.join(self.output, shot + ".png")
            d.save_screenshot(path)
            ok(os.path.getsize(path) > 1000, f"screenshot {path}")
        self.pages += 1


def keys(driver, *sequence):
    chain = ActionChains(driver)
    for k in sequence:
        chain.send_keys(k)
        chain.pause(0.05)
    chain.perform()


def active(driver):
    return driver.switch_to.active_element


def tab_to(driver, predicate, what, limit=40):
    for _ in range(limit):
        keys(driver, Keys.TAB)
        if predicate(active(driver)):
            return active(driver)
    raise AssertionError(f"Tab never reached {what}")


def pick(driver, group, level):
    """Tab into the radio group, then Space if none is checked and Down arrows to level"""
    def checked():
        return driver.execute_script(
            f"const c = document.querySelector('input[name={group}]:checked'); return c && c.value;")
    tab_to(driver, lambda e: e.get_attribute("name") == group, f"the {group} group")
    count = len(driver.find_elements(By.NAME, group))
    if checked() is None:
        keys(driver, Keys.SPACE)
    keys(driver, *([Keys.ARROW_DOWN] * ((level - int(checked())) % count)))
    return checked() == str(level)


def answer_risk(driver, r):
    likelihood, impact = levels(r)
    picked = pick(driver, "likelihood", likelihood) and pick(driver, "impact", impact)
    tab_to(driver, lambda e: e.tag_name == "button" and e.get_attribute("type") == "submit", "Send")
    before = driver.current_url
    keys(driver, Keys.ENTER)
    for _ in range(100):
        if driver.current_url != before:
            break
        time.sleep(0.05)
    return picked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("1..0 # SKIP chromium or chromium-driver is not installed")
        return 77
    os.makedirs(args.output, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="iap-phone-page-")
    workshop = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, workshop)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LC_ALL="C.UTF-8", LANGUAGE="")
    server = subprocess.Popen([args.exe, "serve", workshop, "--new-round", "--address=127.0.0.1",
                               "--port=0", "--codes"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    driver = None
    try:
        url = server.stdout.readline().strip()
        participant, _, code = server.stdout.readline().strip().partition("\t")
        ok(url.startswith("http://127.0.0.1:") and participant == "p1", f"serve at {url}", participant)

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={WIDTH},{HEIGHT}", "--lang=en-GB", "--no-first-run",
                     f"--user-data-dir={os.path.join(folder, 'profile')}"):
            options.add_argument(flag)
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": WIDTH, "height": HEIGHT, "pixelRatio": 2.0}})
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        driver.set_page_load_timeout(30)
        check = Check(driver, args.output)

        driver.get(url)
        check.page("the join page", "phone-join")
        tab_to(driver, lambda e: e.get_attribute("id") == "code", "the join code box")
        keys(driver, code.lower().replace("-", " "), Keys.ENTER)
        for _ in range(100):
            if "/v/" in driver.current_url:
                break
            time.sleep(0.05)
        ok("/v/" in driver.current_url and driver.find_elements(By.NAME, "likelihood"),
           "the code typed in lower case with spaces joins, on the first risk", driver.current_url)

        n = int(driver.find_element(By.TAG_NAME, "progress").get_attribute("max"))
        picked = []
        for r in range(1, n + 1):
            if r == 1:
                check.page("a risk", "phone-risk")
            elif r == n:
                check.page("the last risk")
            picked.append(answer_risk(driver, r))
        ok(all(picked), f"{n} risks answered by keyboard: Tab, Space, Down, Enter", picked)

        text = driver.find_element(By.TAG_NAME, "main").text
        ok("sent" in text.lower(), "the last page says the answers were sent", text[:200])
        check.page("the answers sent", "phone-sent")

        # Change my answer: the first risk, by keyboard, from the list
        link = tab_to(driver, lambda e: e.tag_name == "a" and "/1" in (e.get_attribute("href") or "")
                      and e.get_attribute("href").rstrip("/").endswith("/1"), "the first answer's link")
        keys(driver, Keys.ENTER)
        for _ in range(100):
            if driver.find_elements(By.NAME, "likelihood"):
                break
            time.sleep(0.05)
        checked = driver.execute_script(
            "const c = document.querySelector('input[name=likelihood]:checked'); return c && c.value;")
        ok(checked == str(levels(1)[0]), "the first risk shows the answer given", f"{checked} {link}")
        changed = pick(driver, "likelihood", 5)
        tab_to(driver, lambda e: e.tag_name == "button" and e.get_attribute("type") == "submit", "Send")
        keys(driver, Keys.ENTER)
        time.sleep(0.5)
        ok(changed, "the first risk's likelihood changed to 5 by keyboard")

        # The same risk in Arabic: right to left, translated, on the phone
        first_risk = driver.current_url.split("?")[0]
        driver.get(first_risk + "?lang=ar")
        html = driver.find_element(By.TAG_NAME, "html")
        ok(html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl",
           "?lang=ar: <html lang=\"ar\" dir=\"rtl\">", html.get_attribute("outerHTML")[:80])
        catalog = os.path.join(os.environ.get("IAP_WORKSHOP_LOCALEDIR", ""), "ar", "LC_MESSAGES",
                               "iap-workshop.mo")
        with open(catalog, "rb") as f:
            arabic = gettext.GNUTranslations(f).gettext("How likely is it?")
        legends = [e.text for e in driver.find_elements(By.TAG_NAME, "legend")]
        ok(arabic != "How likely is it?" and arabic in legends,
           f"the likelihood legend reads as po/ar.po has it: {arabic}", legends)
        ok(driver.execute_script("return getComputedStyle(document.body).direction") == "rtl",
           "the Arabic page is laid out right to left")
        ok(driver.find_elements(By.CSS_SELECTOR, "a[hreflang=en]"), "the Arabic page links to English")
        english = driver.execute_script(
            "const p = document.querySelector('main p[dir=auto]');"
            "return p && getComputedStyle(p).direction;")
        heading = driver.find_element(By.TAG_NAME, "h1").get_attribute("textContent")
        ok(english == "ltr" and "\u2068" in heading and heading.endswith("\u2069"),
           "the English risk text reads left to right inside the Arabic page (isolated)",
           f"{english} {heading!r}")
        check.page("the Arabic risk", "phone-risk-ar")
    finally:
        if driver is not None:
            driver.quit()
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        try:
            _, err = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()

    ok(server.returncode == 0, "SIGTERM: serve saves and exits with status 0", err[-400:])
    rounds = list(ET.parse(workshop).getroot().iter(f"{NS}round"))
    saved = {r.get("risk"): (int(r.get("likelihood")), int(r.get("impact")))
             for r in rounds[-1].iter(f"{NS}rating") if r.get("participant") == "p1"}
    risks = [r.get("id") for r in ET.parse(workshop).getroot().iter(f"{NS}risk")]
    expected = {}
    for i, risk in enumerate(risks[:n]):
        expected[risk] = levels(i + 1)
    first = risks[0]
    expected[first] = (5, expected[first][1])
    ok(saved == expected, f"the saved round holds the {n} answers as typed, the first one changed",
       f"{sorted(saved.items())[:4]} != {sorted(expected.items())[:4]}")
    shutil.rmtree(folder, ignore_errors=True)
    return plan()


if __name__ == "__main__":
    sys.exit(main())
