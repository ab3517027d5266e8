"""The web edition in a real browser: headless Chromium (Debian's, through Selenium) and axe-core.
Without Chromium or axe-core these tests are skipped, unless REQUIRE_BROWSER=1 (as CI sets it):
then they fail."""
from __future__ import annotations

import os

import pytest

import browser as web
from helpers import LANGUAGES

pytestmark = pytest.mark.slow
WIDTHS = (1280, 360)


@pytest.fixture(scope="module")
def site(default_build):
    reason = web.missing()
    if reason:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER is set but the browser tests cannot run: {reason}")
        pytest.skip(reason)
    return default_build[0]


@pytest.fixture(scope="module")
def chrome(site):
    browser = web.driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def chrome_without_js(site):
    browser = web.driver(javascript=False)
    yield browser
    browser.quit()


def url(site, lang: str | None) -> str:
    return (site / lang / "index.html" if lang else site / "index.html").as_uri()


@pytest.mark.parametrize("lang", LANGUAGES + (None,))
def test_axe_finds_no_wcag_2_1_a_or_aa_violation_at_desktop_and_phone_width(site, chrome, lang):
    for width in WIDTHS:
        web.viewport(chrome, width)
        chrome.get(url(site, lang))
        violations = web.axe(chrome)
        assert violations == [], (lang, width, violations)


@pytest.mark.parametrize("lang", LANGUAGES + (None,))
def test_no_sideways_scroll_at_320_and_360_px_nor_at_200_percent_zoom_or_with_wcag_text_spacing(site, chrome, lang):
    chrome.get(url(site, lang))
    for width in (360, 320, 640):     # 640 px is a 1280 px window at 200% zoom
        web.viewport(chrome, width)
        wide = chrome.execute_script("return document.documentElement.scrollWidth")
        assert wide <= width, (lang, width, wide)
    # WCAG 1.4.12: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em (CSSOM, not a
    # style element, which the page's policy would refuse, as it should)
    chrome.execute_script("""for (const e of document.querySelectorAll('*')) {
        e.style.lineHeight = '1.5'; e.style.letterSpacing = '0.12em'; e.style.wordSpacing = '0.16em';
        if (e.tagName === 'P') e.style.marginBottom = '2em'; }""")
    web.viewport(chrome, 320)
    assert chrome.execute_script("return document.documentElement.scrollWidth") <= 320
    clipped = chrome.execute_script("""return [...document.querySelectorAll('h1,h2,h3,p,li,legend,label,a,button,summary')]
        .filter(e => e.offsetParent && e.getBoundingClientRect().width > 2 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden')
        .map(e => e.tagName + ': ' + e.textContent.slice(0, 40));""")
    assert clipped == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_direction_one_h1_and_section_titles_as_headings_in_order(site, chrome, lang, default_build):
    from generator.text import plain

    from helpers import normalise

    kit = next(k for k in default_build[3] if k.language == lang)
    web.viewport(chrome, 1280)
    chrome.get(url(site, lang))
    assert chrome.execute_script("return document.documentElement.lang") == lang
    assert chrome.execute_script("return document.documentElement.dir") == ("rtl" if kit.rtl else "ltr")
    assert chrome.execute_script("return getComputedStyle(document.body).direction") == ("rtl" if kit.rtl else "ltr")
    assert chrome.execute_script("return document.querySelectorAll('h1').length") == 1
    levels = chrome.execute_script("return [...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), "no heading level skipped"
    headings = [normalise(t) for t in chrome.execute_script(
        "return [...document.querySelectorAll('main h2')].map(h => h.innerText)")]
    titles = [normalise(plain(s.title, lang)) for s in kit.content.sections]
    positions = [headings.index(t) for t in titles]
    assert positions == sorted(positions)
    landmarks = chrome.execute_script("return ['header','nav','main','footer'].map(t => document.querySelectorAll(t).length)")
    assert landmarks == [1, 1, 1, 1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_every_question_and_option_shows_and_no_answer_does(site, chrome_without_js, lang,
                                                                               default_build):
    from selenium.webdriver.common.by import By

    kit = next(k for k in default_build[3] if k.language == lang)
    b = chrome_without_js
    web.viewport(b, 360)
    b.get(url(site, lang))
    faq = b.find_elements(By.CSS_SELECTOR, "#faq h3")
    assert len(faq) == len(kit.content.faq) and all(e.is_displayed() for e in faq)
    legends = b.find_elements(By.CSS_SELECTOR, "#quiz legend")
    assert len(legends) == len(kit.content.quiz.questions) and all(e.is_displayed() for e in legends)
    labels = b.find_elements(By.CSS_SELECTOR, "#quiz label")
    assert len(labels) == sum(len(q.options) for q in kit.content.quiz.questions)
    assert all(e.is_displayed() for e in labels)
    assert not b.find_element(By.ID, "quiz-check").is_displayed(), "Check does nothing without the script: hidden"
    answers = b.find_elements(By.CSS_SELECTOR, "#quiz details > p")
    assert answers and not any(e.is_displayed() for e in answers), "answers stay hidden until asked"
    first = b.find_elements(By.CSS_SELECTOR, "#quiz details")[0]
    first.find_element(By.TAG_NAME, "summary").click()
    assert first.find_element(By.CSS_SELECTOR, "p").is_displayed(), "the reader can ask for an answer"


@pytest.mark.parametrize("lang", ("en", "ar"))
def test_check_marks_each_answer_and_shows_explanations_only_when_asked(site, chrome, lang, default_build):
    from selenium.webdriver.common.by import By

    kit = next(k for k in default_build[3] if k.language == lang)
    web.viewport(chrome, 360)
    chrome.get(url(site, lang))
    questions = kit.content.quiz.questions
    explanations = chrome.find_elements(By.CSS_SELECTOR, "#quiz details > p")
    assert not any(e.is_displayed() for e in explanations)
    assert chrome.find_element(By.ID, "quiz-check").is_displayed()
    for n, q in enumerate(questions, 1):   # the first question right, every other one wrong
        right = q.answers if n == 1 else [next(i for i in range(len(q.options)) if i not in q.answers)]
        for i in right:
            box = chrome.find_element(By.CSS_SELECTOR, f"input[name=q{n}][value={'abcdef'[i]}]")
            chrome.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
    check = chrome.find_element(By.ID, "quiz-check")
    chrome.execute_script("arguments[0].scrollIntoView({block: 'center'})", check)
    check.click()
    assert all(e.is_displayed() for e in chrome.find_elements(By.CSS_SELECTOR, "#quiz details > p"))
    states = chrome.execute_script(
        "return [...document.querySelectorAll('#q1 label, #q2 label')].map(l => l.getAttribute('data-state'))")
    assert "right" in states and "wrong" in states and "missed" in states
    assert "1" in chrome.find_element(By.ID, "quiz-score").text and str(len(questions)) in \
        chrome.find_element(By.ID, "quiz-score").text
    see = chrome.find_element(By.CSS_SELECTOR, "#q1 details a[href^='#section-']")
    assert see.is_displayed()
    chrome.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    assert chrome.find_element(By.ID, "quiz-score").text == ""
    assert not any(e.is_displayed() for e in chrome.find_elements(By.CSS_SELECTOR, "#quiz details > p"))


@pytest.mark.parametrize("lang", LANGUAGES + (None,))
def test_the_page_makes_no_network_request_and_breaks_none_of_its_own_policy(site, chrome, lang):
    chrome.get("about:blank")
    web.requests(chrome)
    chrome.get_log("browser")
    chrome.get(url(site, lang))
    chrome.execute_script("return document.readyState")
    asked = [u for u in web.requests(chrome) if not u.startswith("data:")]
    assert asked == [url(site, lang)], asked
    resources = chrome.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'))")
    assert resources == []
    refused = [e["message"] for e in chrome.get_log("browser") if "Content Security Policy" in e["message"]]
    assert refused == []


def test_focus_is_visible_and_the_skip_link_comes_first(site, chrome):
    from selenium.webdriver.common.keys import Keys

    web.viewport(chrome, 360)
    chrome.get(url(site, "en"))
    chrome.find_element("tag name", "body").send_keys(Keys.TAB)
    active = chrome.switch_to.active_element
    assert active.get_attribute("class") == "skip" and active.is_displayed()
    outline = chrome.execute_script("const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth]",
                                    active)
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2


def test_the_print_stylesheet_leaves_out_navigation_buttons_and_answers(site, chrome):
    web.viewport(chrome, 1280)
    chrome.get(url(site, "en"))
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = chrome.execute_script("""return ['nav.toc', '.actions', '.skip', '#quiz details', '#quiz input']
            .map(s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none'))""")
        assert shown == [False] * 5
        assert chrome.execute_script("return getComputedStyle(document.querySelector('#quiz legend')).display") != "none"
    finally:
        chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.fixture(scope="module")
def stranger_site(site, tmp_path_factory):
    """tests/roots/web built: content written from scratch in English and Hebrew, on a pale theme."""
    import shutil

    from helpers import ROOTS, build

    folder = tmp_path_factory.mktemp("web-browser")
    shutil.copytree(ROOTS / "web", folder / "web")
    build(folder / "web" / "content.yaml", folder / "out")
    return folder / "out"


@pytest.mark.parametrize("lang", ("en", "he", None))
def test_content_from_scratch_on_a_pale_theme_passes_axe_and_reflows(stranger_site, chrome, lang):
    for width in WIDTHS + (320,):
        web.viewport(chrome, width)
        chrome.get(url(stranger_site, lang))
        assert chrome.execute_script("return document.documentElement.scrollWidth") <= width
        if width in WIDTHS:
            assert web.axe(chrome) == [], (lang, width)
    if lang == "he":
        assert chrome.execute_script("return getComputedStyle(document.body).direction") == "rtl"
        # logical properties: the event box's accent bar is on the right in Hebrew
        box = chrome.execute_script("const s = getComputedStyle(document.querySelector('.event'));"
                                    "return [s.borderRightWidth, s.borderLeftWidth]")
        assert float(box[0].rstrip("px")) > 0 and float(box[1].rstrip("px")) == 0
