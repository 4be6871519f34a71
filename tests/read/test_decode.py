"""Bytes problems every format shares: size, emptiness, binary content, encodings."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from dragoman.errors import ReadError
from dragoman.read.decode import decode, load_path, load_stream, size_text

SENTENCE = "Türkiye and Perú signed a trade accord in Ankara on Monday, officials said.\n"


@pytest.mark.parametrize("data, text", [
    (SENTENCE.encode("utf-8"), SENTENCE),
    (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
    (SENTENCE.encode("utf-16"), SENTENCE),  # with its byte order mark
    (SENTENCE.encode("cp1252"), SENTENCE),
    (SENTENCE.replace("\n", "\r\n").encode("utf-8"), SENTENCE),
    (b"First line\rsecond line\r", "First line\nsecond line\n"),
])
def test_text_is_decoded_with_bom_stripped_and_newlines_normalised(data: bytes,
                                                                     text: str) -> None:
    assert decode(data, "in.txt") == text


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"   \n\t\n", "empty file"),
    (b"\xef\xbb\xbf\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
    (bytes(range(1, 32)) * 20, "binary file, not text"),
    (b"\xef\xbb\xbf\xff\xfe\xfd broken after a UTF-8 mark", "cannot decode"),
])
def test_bad_bytes_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        decode(data, "inbox/odd.txt")
    assert str(caught.value).startswith(f"inbox/odd.txt: {message}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text, encoding", [
    ("La ministre française a rencontré son homologue à Dakar lundi.", "latin-1"),
    ("Der Außenminister traf seinen Amtskollegen in Zürich, sagte das Ministerium.", "cp1252"),
    ("Bilateral trade reached €4 billion – up 12% – the minister said.", "cp1252"),
    ("Warszawa i Kraków: minister spotkał się z ambasadorem w Łodzi.", "cp1250"),
    ("Москва и Анкара договорились о торговле, сообщил министр.", "cp1251"),
    ("Ελλάδα και Αίγυπτος υπέγραψαν συμφωνία για το φυσικό αέριο.", "cp1253"),
])
def test_legacy_encodings_are_recognised(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "old.txt") == text


@pytest.mark.parametrize("data", [
    # KOI8-R Russian: the likeliest guess is nonsense Japanese, so no guess at all
    "Москва и Анкара договорились о торговле, сообщил министр.".encode("koi8-r"),
    bytes(range(128, 256)) * 40,
])
def test_undecodable_text_asks_for_utf8(data: bytes) -> None:
    with pytest.raises(ReadError) as caught:
        decode(data, "odd.txt")
    assert str(caught.value).startswith("odd.txt: cannot decode the text")
    assert str(caught.value).endswith("(save it as UTF-8)")


@pytest.mark.parametrize("size, limit, message", [
    (3 * 1024 * 1024, 2 * 1024 * 1024, "file is 3 MB, over the limit of 2 MB"),
    (150, 100, "file is 150 bytes, over the limit of 100 bytes"),
])
def test_oversized_file_says_how_to_raise_the_limit(tmp_path: Path, size: int, limit: int,
                                                    message: str) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * size)
    with pytest.raises(ReadError) as caught:
        load_path(str(path), limit)
    assert str(caught.value) == (f"{path}: {message} "
                                 f"(raise it with --max-bytes or DRAGOMAN_MAX_BYTES)")


def test_oversized_stream_is_refused() -> None:
    with pytest.raises(ReadError, match="<stdin>: input is more than the limit of 10 bytes"):
        load_stream(io.BytesIO(b"x" * 11), "<stdin>", 10)


def test_stream_at_the_limit_is_read() -> None:
    assert load_stream(io.BytesIO(b"x" * 10), "<stdin>", 10) == b"x" * 10


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="no such file"):
        load_path(missing, 100)


@pytest.mark.parametrize("n, text", [
    (0, "0 bytes"), (104_856, "104856 bytes"), (104_857, "0.1 MB"), (1024 * 1024, "1 MB"),
    (int(25.34 * 1024 * 1024), "25.3 MB"),
])
def test_size_text(n: int, text: str) -> None:
    assert size_text(n) == text
