"""Headless Chromium driven by Selenium, with axe-core, for the web edition's tests and the README's
screenshots. Debian's chromium and chromium-driver (apt), axe-core from npm (.ci/run installs both);
Selenium Manager is never asked to download a browser or a driver."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMEDRIVER = "/usr/bin/chromedriver"
ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
        "--disable-extensions", "--disable-default-apps", "--force-device-scale-factor=1")
AXE_PLACES = ("node_modules/axe-core/axe.min.js",)


def chromium() -> str | None:
    """The Chromium binary, if installed."""
    return next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).is_file()), None)


def axe_path() -> Path | None:
    """axe.min.js: $AXE_CORE_JS, else npm's cache folder that .ci/run fills, else ./node_modules."""
    root = Path(__file__).resolve().parent.parent
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "idpc-kit" / "axe"
    for place in [os.environ.get("AXE_CORE_JS")] + [str(cache / p) for p in AXE_PLACES] + \
            [str(root / p) for p in AXE_PLACES]:
        if place and Path(place).is_file():
            return Path(place)
    return None


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not chromium() or not Path(CHROMEDRIVER).is_file():
        return "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
    if axe_path() is None:
        return "needs axe-core (npm install --prefix ~/.cache/idpc-kit/axe axe-core, as .ci/run does)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "needs selenium (pip install -e '.[test]')"
    return None


def driver(javascript: bool = True, width: int = 1280, height: int = 900):
    """A headless Chromium with performance (network) logging; JavaScript off on request."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # a driver path given means Selenium Manager is never run (nothing is downloaded)
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_window_size(width, height)
    return browser


def viewport(browser, width: int, height: int = 900) -> None:
    """Make the page's viewport width x height CSS pixels (headless: the window is the viewport)."""
    import time

    browser.set_window_size(width, height)
    for _ in range(50):   # the resize reaches the page a moment later
        if browser.execute_script("return window.innerWidth") == width:
            return
        time.sleep(0.05)
    raise AssertionError(f"the browser's viewport did not become {width} px wide")


def axe(browser, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")) -> list[dict]:
    """axe-core's violations of the WCAG rules with those tags on the page shown."""
    browser.execute_script(axe_path().read_text("utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));", list(tags))
    return result


def requests(browser) -> list[str]:
    """Every URL the browser asked for since the last call (Chrome's network log)."""
    import json

    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
