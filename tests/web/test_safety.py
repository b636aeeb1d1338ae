"""The page is safe by default: loopback only, bounded uploads kept in a folder removed
after each request, file names that never become paths, hostile files refused with a
message (never a stack trace or a stuck worker), user templates in the sandbox, and one
slow request never holding up the others."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conformed.cli import build_parser
from conformed.web.app import Settings
from conftest import LiveServer, whitlock_fields
from helpers import CORPUS, small_docx, zip_bomb

BASE = CORPUS / "bases" / "kopyt_severance_2002.txt"
AMENDMENT = CORPUS / "amendments" / "000_kopyt_severance_amendment_1.txt"
SLOW_TEMPLATE = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture
def request_folders_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The request folders the server (in this process) makes during the test, made under
    the test's own temporary folder: another test run's uploads in the shared one are never
    counted."""
    made: list[Path] = []
    real = tempfile.mkdtemp

    def mkdtemp(
        suffix: str | None = None, prefix: str | None = None, dir: str | None = None
    ) -> str:
        folder = real(suffix, prefix, str(tmp_path))
        if (prefix or "").startswith("conformed-web-"):
            made.append(Path(folder))
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    return made


def conform(client: httpx.Client, base: tuple[str, bytes]) -> httpx.Response:
    files = [("base", base), ("amendments", (AMENDMENT.name, AMENDMENT.read_bytes()))]
    return client.post("/conform", files=files)


def refused(page: httpx.Response, words: str) -> None:
    assert page.status_code == 400, page.text[-300:]
    assert words in page.text
    assert "Traceback" not in page.text and 'File "' not in page.text


def test_serve_binds_to_this_computer_unless_told() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_uploads_are_removed_when_the_page_is_answered(
    client: httpx.Client, request_folders_made: list[Path]
) -> None:
    assert "every item applied" in conform(client, (BASE.name, BASE.read_bytes())).text
    refused(conform(client, ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00")), "not a text file")
    assert len(request_folders_made) == 2
    assert not [f for f in request_folders_made if f.exists()]


def test_a_file_name_is_shown_never_used_as_a_path(client: httpx.Client) -> None:
    hostile = "..\\..\\<i>x<i>severance.txt"
    page = conform(client, (hostile, BASE.read_bytes()))
    assert "every item applied" in page.text
    assert "&lt;i&gt;x&lt;i&gt;severance.txt" in page.text and "<i>x" not in page.text
    assert "/i_x_i_severance.conformed.docx" in page.text
    assert not (Path(tempfile.gettempdir()).parent / "severance.txt").exists()


def test_a_file_of_another_kind_is_refused_by_name(client: httpx.Client) -> None:
    refused(conform(client, ("contract.pdf", b"%PDF-1.4")), "contract.pdf: the base agreement")


def _external_entity(name: str, data: bytes) -> bytes:
    if name == "word/document.xml":
        doctype = b'<!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        data = data.replace(b"?>", b"?>" + doctype, 1)
        return data.replace(b"two years", b"&secret;", 1)
    return data


def test_a_zip_bomb_gets_an_error_page(client: httpx.Client) -> None:
    page = client.post("/outline", files={"file": ("agreement.docx", small_docx(zip_bomb))})
    refused(page, "zip bomb")


def test_an_external_entity_is_never_read(client: httpx.Client) -> None:
    page = client.post("/outline", files={"file": ("agreement.docx", small_docx(_external_entity))})
    assert page.status_code in (200, 400) and "Traceback" not in page.text
    assert "root:" not in page.text


def test_a_user_template_runs_in_the_sandbox(client: httpx.Client) -> None:
    fields, _ = whitlock_fields()
    template = ("mine.j2", b"{{ ''.__class__.__mro__ }}\n")
    page = client.post("/draft", data={**fields, "template": "custom"},
                       files={"template_file": template})  # fmt: skip
    assert page.status_code == 422
    assert "unsafe" in page.text and "&lt;class" not in page.text


@pytest.fixture(scope="module")
def strict() -> Iterator[LiveServer]:
    """A server with a small upload limit and a short time for each request's work."""
    with LiveServer(Settings(upload_mb=1, timeout=8, workers=2)) as live:
        yield live


def test_a_request_over_the_upload_limit_is_refused_unread(
    strict: LiveServer, request_folders_made: list[Path]
) -> None:
    big = ("big.txt", b"1. Term. " + b"word " * 300_000)  # 1.5 MB
    page = httpx.post(strict.url + "/conform", files={"base": big}, timeout=60)
    assert page.status_code == 413 and "larger than 1 MB" in page.text
    assert not [f for f in request_folders_made if f.exists()]


def test_work_that_runs_too_long_is_stopped_and_the_server_goes_on(strict: LiveServer) -> None:
    with httpx.Client(base_url=strict.url, timeout=60) as client:
        slow: dict[str, httpx.Response] = {}

        def draft_slowly() -> None:
            files = {"template_file": ("slow.j2", SLOW_TEMPLATE.encode())}
            data = {**whitlock_fields()[0], "template": "custom"}
            slow["page"] = client.post("/draft", data=data, files=files)

        worker = threading.Thread(target=draft_slowly)
        worker.start()
        # While that request works, the others are answered: a page, and another's work.
        assert client.get("/conform").status_code == 200
        assert "every item applied" in conform(client, (BASE.name, BASE.read_bytes())).text
        assert worker.is_alive()
        worker.join(60)
        refused(slow["page"], "took longer than 8 seconds and was stopped")
        assert "every item applied" in conform(client, (BASE.name, BASE.read_bytes())).text


def test_another_host_name_is_refused(client: httpx.Client) -> None:
    page = client.get("/conform", headers={"Host": "conformed.attacker.example"})
    assert page.status_code == 400


def test_a_docx_that_is_not_a_package_gets_an_error_page(client: httpx.Client) -> None:
    page = client.post("/outline", files={"file": ("agreement.docx", b"\x00\x01binary" * 500)})
    assert page.status_code == 400 and "Traceback" not in page.text
    assert "agreement.docx: not a Word .docx file" in page.text  # the user's name for it
    assert "document.docx" not in page.text and "conformed-web-" not in page.text


def test_an_upload_is_kept_under_the_name_the_page_chooses(tmp_path: Path) -> None:
    """Whatever the browser sends as the file's name, the file lands in the request's
    folder as ``base.txt`` and nowhere else; the name is only shown."""
    import asyncio
    import io

    from starlette.datastructures import UploadFile

    from conformed.web.uploads import TEXTS, save

    folder = tmp_path / "request"
    folder.mkdir()
    hostile = UploadFile(io.BytesIO(b"1. Term. Two years."), filename="../../../etc/cron.d/x.txt")
    saved = asyncio.run(save(hostile, folder, "base", TEXTS, "the base agreement"))
    assert (saved.file, saved.name) == ("base.txt", "x.txt")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "request",
        "request/base.txt",
    ]
