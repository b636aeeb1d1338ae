"""A running ``conformed serve`` for the page's tests, and a headless Chromium to drive it.

The server is the real application under uvicorn on a free loopback port, in a thread
of the test process; its work runs in worker processes as it does for a user.  The
browser is Debian's ``chromium`` with its ``chromedriver``: on CI (``CI=true``) a
missing browser fails the run (``.ci/run`` installs it); elsewhere those tests skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
import yaml

from conformed.web.app import Settings, create_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "redline"))  # docx_views

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("the test server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    with LiveServer(Settings()) as live:
        yield live


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as http:
        yield http


def whitlock_fields() -> tuple[dict[str, str], Path]:
    """Dana Whitlock, a fictional executive whose agreement numbers "5.b." (not a seed):
    the drafting form's fields, and her base agreement."""
    folder = ROOT / "corpus" / "executives"
    data = yaml.safe_load((folder / "whitlock_termination_benefits.yaml").read_text())
    base = (folder / data.pop("base")).resolve()
    fields = {k: "yes" if v is True else "no" if v is False else str(v) for k, v in data.items()}
    return fields, base


def chromium() -> tuple[str, str] | None:
    found = [shutil.which(n) for n in ("chromium", "chromium-browser")]
    binary = next((b for b in found if b), None)
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="session")
def browser_parts() -> tuple[str, str]:
    parts = chromium()
    if parts is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests: apt-get install chromium chromium-driver")
        pytest.skip("no chromium and chromedriver here (apt-get install chromium chromium-driver)")
    return parts


@pytest.fixture
def browser(browser_parts: tuple[str, str], tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = browser_parts
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--disable-gpu"):  # fmt: skip
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.downloads = downloads  # type: ignore[attr-defined]
    try:
        yield chrome
    finally:
        chrome.quit()


def screenshot(chrome: object, name: str) -> Path:
    """The whole page as a PNG in out/screenshots/, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    height = chrome.execute_script("return document.body.scrollHeight")  # type: ignore[attr-defined]
    chrome.set_window_size(1280, min(max(int(height) + 40, 800), 6000))  # type: ignore[attr-defined]
    chrome.save_screenshot(str(path))  # type: ignore[attr-defined]
    return path
