"""Browser fixtures: the example site, built once, served on 127.0.0.1, read by headless Chromium.

Chromium is Debian's (`/usr/bin/chromium`), started through Playwright's driver; no
browser is ever downloaded. Without chromium the tests skip, unless
RAPPORTAGE_REQUIRE_BROWSER=1 (CI), where a missing browser fails them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

from generator.cli import main
from generator.core.browser import CHROMIUM_ARGS, find_chromium

from pagecheck import DESKTOP, REPO, RequestLog


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    path = find_chromium()
    if path is None:
        if os.environ.get("RAPPORTAGE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium ontbreekt, maar RAPPORTAGE_REQUIRE_BROWSER=1")
        pytest.skip("chromium ontbreekt (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, chromium_path: Path) -> Path:
    """The example project, built once with a PDF per edition.

    RAPPORTAGE_BROWSER_PROJECT=<map> runs the same tests on another project, such as the
    benchmark's synthetic one (docs/dev/performance.md: `python -m bench.synthetic <map>`)."""
    source = Path(os.environ.get("RAPPORTAGE_BROWSER_PROJECT") or REPO)
    project = tmp_path_factory.mktemp("browser") / "project"
    project.mkdir()
    for name in ("content", "data"):
        shutil.copytree(source / name, project / name)
    shutil.copy(source / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["build", "--pdf", "--project", str(project)]) == 0
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site on a threaded static server, 127.0.0.1 and an ephemeral port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _pages(built_site: Path, redirects: bool) -> list[str]:
    urls = []
    for path in sorted(built_site.rglob("*.html")):
        # /laatste/ only forwards (meta refresh) to the newest edition; it is checked on its own.
        if ('http-equiv="refresh"' in path.read_text(encoding="utf-8")) != redirects:
            continue
        rel = path.relative_to(built_site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML page of the site as a site-relative URL ('', '2023-q1/', '404.html')."""
    return _pages(built_site, redirects=False)


@pytest.fixture(scope="session")
def redirect_pages(built_site: Path) -> list[str]:
    return _pages(built_site, redirects=True)


@pytest.fixture(scope="module")
def browser(chromium_path: Path, built_site: Path) -> Iterator[object]:
    # After the build: the build prints PDFs with its own Playwright, which cannot nest in ours.
    # Per module, not per session: a Playwright still running would break later in-process users
    # (`check-site --browser` tests) once the browser tests are done.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser, site_url: str):
    """Make a page with a given viewport; every request is routed through a RequestLog."""
    contexts = []

    def make(viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or DESKTOP, locale="nl-NL", service_workers="block")
        contexts.append(context)
        log = RequestLog(site_url)
        context.route("**/*", log.route)
        context.on("request", log.observe)
        page = context.new_page()
        page.on("requestfailed", log.request_failed)
        page.on("response", log.response)
        page.request_log = log
        return page

    yield make
    for context in contexts:
        context.close()
