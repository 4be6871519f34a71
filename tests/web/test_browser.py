"""The dashboard in a real browser: Playwright drives Debian's Chromium (by executable
path; `.ci/chromium.sh` installs it) against the app served by uvicorn on 127.0.0.1.
Screenshots of the pages go to build/screenshots/. Skipped when Chromium is absent."""
from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .synthetic import LONG_NAME

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed "
                                "(bash .ci/chromium.sh installs it)")


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app over `db` served by uvicorn in a thread on 127.0.0.1."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from dragoman.web import WebSettings, create_app
        port = _free_port()
        config = uvicorn.Config(create_app(db, settings=WebSettings()), host="127.0.0.1",
                                port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def synthetic_site(synthetic_db) -> Iterator[str]:
    with LiveServer(synthetic_db) as server:
        yield server.url


@pytest.fixture(scope="module")
def examples_site(examples_db) -> Iterator[str]:
    with LiveServer(examples_db) as server:
        yield server.url


@pytest.fixture(scope="module")
def seed_site(seed_db) -> Iterator[str]:
    with LiveServer(seed_db) as server:
        yield server.url


class Watched:
    """A page whose script errors, failed requests, CSP reports and dialogs are kept."""

    def __init__(self, browser, viewport: dict) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def shoot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def tab(browser):
    opened = []

    def make(viewport: dict = LAPTOP) -> Watched:
        watched = Watched(browser, viewport)
        opened.append(watched)
        return watched

    yield make
    for watched in opened:
        watched.page.close()


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def series_figure(page, metric: str):
    heading = metric.replace("_", " ")
    return page.locator("article.metric", has=page.locator("h3", has_text=heading)).locator(
        "figure.chart[data-drawn=true]")


# -- the seed --------------------------------------------------------------------------------------


def test_the_seed_dyad_page_charts_trade_against_the_target(tab, seed_site):
    watched = tab()
    page = watched.open(f"{seed_site}/dyad/TUR/KAZ")
    chart = series_figure(page, "trade_volume")
    chart.wait_for()
    words = chart.locator("svg text").all_text_contents()
    assert "6.3 bn" in words and "2022" in words
    assert "target 10 bn" in words
    line = chart.locator("line.target-line")
    bar = chart.locator("rect.bar")
    assert float(line.get_attribute("y1")) < float(bar.get_attribute("y"))  # 10 bn above 6.3 bn
    assert any("63% of the 10 bn USD target" in p for p in page.locator("p.progress").all_text_contents())
    page.locator("figure[data-chart=timeline] circle.dot").first.wait_for()
    assert watched.problems == []
    watched.shoot("seed-dyad-laptop")


def test_the_seed_article_page_shows_a_quotes_speaker(tab, seed_site):
    watched = tab()
    page = watched.open(f"{seed_site}/article/000_760a91fd4c32f78c")
    facts = page.request.get(f"{seed_site}/articles/000_760a91fd4c32f78c").json()
    quote = next(q for q in facts["quotes"] if q["speaker"])
    page.wait_for_selector("body[data-facts-loaded=true]")
    page.locator(f'.hl[data-facts~="quote-{quote["id"]}"]').first.click()
    detail = page.locator("#fact-detail")
    detail.get_by_text(quote["speaker"]).first.wait_for()
    assert "Speaker" in detail.inner_text()
    watched.shoot("seed-article-laptop")


# -- the team's examples ----------------------------------------------------------------------------


def test_every_example_dyad_page_draws_its_charts(tab, examples_site):
    watched = tab()
    dyads = watched.page.request.get(f"{examples_site}/dyads?limit=500").json()["items"]
    assert dyads
    for n, d in enumerate(dyads):
        a, b = d["dyad"]
        page = watched.open(f"{examples_site}/dyad/{a}/{b}")
        report = page.request.get(f"{examples_site}/dyads/{a}/{b}").json()
        drawn = page.locator("figure.chart[data-drawn=true]")
        charts = page.locator("figure.chart")
        drawn.nth(charts.count() - 1).wait_for()
        for series in report["series"]:
            if series["targets"] and series["unit"] != "rank":
                labels = series_figure(page, series["metric"]).first.locator(
                    "text.target-label").all_text_contents()
                assert any(label.startswith("target ") for label in labels), series["metric"]
        if n == 0:
            watched.shoot("examples-dyad-laptop")
    assert watched.problems == []


def test_clicking_a_quote_shows_its_speaker(tab, examples_site):
    watched = tab()
    articles = watched.page.request.get(f"{examples_site}/articles?limit=500").json()["items"]
    checked = 0
    for summary in articles:
        facts = watched.page.request.get(f"{examples_site}/articles/{summary['id']}").json()
        quotes = [q for q in facts["quotes"] if q["speaker"]]
        if not quotes:
            continue
        page = watched.open(f"{examples_site}/article/{summary['id']}")
        page.wait_for_selector("body[data-facts-loaded=true]")
        page.locator(f'.hl[data-facts~="quote-{quotes[0]["id"]}"]').first.click()
        page.locator("#fact-detail").get_by_text(quotes[0]["speaker"]).first.wait_for()
        if checked == 0:
            watched.shoot("examples-article-laptop")
        checked += 1
        if checked == 3:
            break
    assert checked > 0
    assert watched.problems == []


def test_a_highlight_is_reachable_by_keyboard(tab, examples_site):
    watched = tab()
    first = watched.page.request.get(f"{examples_site}/articles?limit=1").json()["items"][0]
    page = watched.open(f"{examples_site}/article/{first['id']}")
    page.wait_for_selector("body[data-facts-loaded=true]")
    page.keyboard.press("Tab")  # the skip link
    for _ in range(8):  # then the header: brand, search, button, nav links, article links
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hl')"):
            break
    else:
        page.focus('.hl[tabindex="0"]')
    page.keyboard.press("Enter")
    page.locator("#fact-detail dl").first.wait_for()
    assert page.locator("#fact-detail h3").count() >= 1


# -- made-up pages: hostile text, long names, many quotes, a phone -----------------------------------


def test_an_article_with_a_script_tag_renders_it_as_text(tab, synthetic_site):
    watched = tab()
    page = watched.open(f"{synthetic_site}/article/hostile")
    page.wait_for_selector("body[data-facts-loaded=true]")
    assert "<script>alert('owned')</script>" in page.locator("#article-text").inner_text()
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    page.locator("#article-text .hl-quote").first.click()
    page.locator("#fact-detail").get_by_text(LONG_NAME).first.wait_for()
    assert watched.dialogs == []
    watched.shoot("hostile-article-laptop")


@pytest.mark.parametrize("viewport, tag", [(LAPTOP, "laptop"), (PHONE, "phone")])
@pytest.mark.parametrize("path, name", [
    ("/", "home"),
    ("/dyad/CHL/MAR", "dyad"),
    ("/article/hostile", "article"),
    ("/person/{valdivieso}", "person-500-quotes"),
    ("/person/{long}", "person-long-name"),
    ("/search?q=Konstantinopoulos", "search"),
])
def test_pages_fit_the_screen(tab, synthetic_site, viewport, tag, path, name):
    watched = tab(viewport)
    request = watched.page.request
    ids = {key: request.get(f"{synthetic_site}/entities", params={"q": q}).json()["items"][0]["id"]
           for key, q in (("valdivieso", "Valdivieso"), ("long", "Konstantinopoulos"))}
    page = watched.open(synthetic_site + path.format(**ids))
    assert overflow(page) <= 0, f"{name} is wider than a {viewport['width']} px screen"
    assert watched.problems == []
    watched.shoot(f"synthetic-{name}-{tag}")


def test_the_phone_article_page_shows_a_fact_in_a_sheet(tab, synthetic_site):
    watched = tab(PHONE)
    page = watched.open(f"{synthetic_site}/article/trade")
    page.wait_for_selector("body[data-facts-loaded=true]")
    assert not page.locator("#fact-detail").is_visible()
    page.locator("#article-text .hl-claim").first.click()
    detail = page.locator("#fact-detail")
    detail.get_by_text("trade volume").first.wait_for()
    assert detail.is_visible()
    box = detail.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] + 1
    watched.shoot("synthetic-article-fact-phone")
    detail.get_by_role("button", name="Close").click()
    assert not detail.is_visible()


def test_charts_read_the_api_json(tab, synthetic_site):
    watched = tab()
    seen: list[str] = []
    watched.page.on("request", lambda r: seen.append(r.url))
    page = watched.open(f"{synthetic_site}/dyad/CHL/MAR")
    series_figure(page, "trade_volume").wait_for()
    assert any(re.search(r"/dyads/[A-Z]{3}/[A-Z]{3}$", url) for url in seen)
    assert all(url.startswith(synthetic_site) for url in seen)
    words = series_figure(page, "trade_volume").locator("svg text").all_text_contents()
    assert "2.4 bn" in words and "target 5 bn by 2030" in words
