"""Bytes to text: size limit, empty and binary inputs, character encodings.

Every reader goes through `load_path` / `load_stream` and `decode`, so every
format reports the same problems with the same one-line messages.
"""
from __future__ import annotations

import codecs
import os
import unicodedata
from typing import BinaryIO

from charset_normalizer import from_bytes

from dragoman.errors import ReadError

MB = 1024 * 1024

# Byte order marks that say the encoding outright; longest first (UTF-32-LE starts like UTF-16-LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings not guessed: without a BOM, NUL bytes mean binary, and charset-normalizer
# would otherwise "decode" short Latin-1 text as UTF-16 ("Caf\xe9" -> two CJK
# characters); DOS, EBCDIC and old Mac code pages beat cp1252 on short English text
# with a few accents ("T\xfcrkiye" -> "T³rkiye" as cp775) and are not seen in news files.
_NOT_GUESSED = [
    "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
    "cp037", "cp273", "cp424", "cp437", "cp500", "cp720", "cp737", "cp775", "cp850",
    "cp852", "cp855", "cp856", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863",
    "cp864", "cp865", "cp866", "cp869", "cp875", "cp1006", "cp1026", "cp1125", "cp1140",
    "hp_roman8", "kz1048", "ptcp154", "mac_cyrillic", "mac_greek", "mac_iceland",
    "mac_latin2", "mac_roman", "mac_turkish",
]
# charset-normalizer's coherence (0..1, how much the text looks like some language)
# below which a guess whose characters are mostly non-ASCII is refused: KOI8-R Russian
# read as Shift JIS scores 0.0, real text of a few sentences 0.5 and up.
_MIN_COHERENCE = 0.1
# When cp1252 reads the bytes as well as the best guess (coherence this close), it
# wins: it is by far the commonest legacy encoding of English-language news.
_TIE = 0.05
# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is taken for binary. Text files have none; 5 % leaves room
# for a stray escape sequence in a log-like file.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def size_text(n: int) -> str:
    """A byte count for people: "25.3 MB" from a tenth of a megabyte up, else "N bytes"."""
    if n >= MB // 10:
        return f"{n / MB:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{n} bytes"


def _too_big(source: str, size: int | None, max_bytes: int) -> ReadError:
    what = f"file is {size_text(size)}, over" if size is not None else "input is more than"
    return ReadError(source, f"{what} the limit of {size_text(max_bytes)} "
                             f"(raise it with --max-bytes or DRAGOMAN_MAX_BYTES)")


def load_path(path: str, max_bytes: int) -> bytes:
    """The bytes of the file at `path`, at most `max_bytes` long (else ReadError)."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise _too_big(path, size, max_bytes)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(path, "no such file or directory; check the path") from None
    except PermissionError:
        raise ReadError(path, "permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory that cannot be read; check the path") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read the file ({exc.strerror or exc}); check the path "
                              f"and the disk") from None
    if len(data) > max_bytes:  # it grew between stat and read
        raise _too_big(path, len(data), max_bytes)
    return data


def load_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Up to `max_bytes` bytes from an open binary stream such as stdin (else ReadError)."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(source, f"cannot read the input ({exc}); check what is piped in") from None
    if len(data) > max_bytes:
        raise _too_big(source, None, max_bytes)
    return data


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample
                   if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


def _guess(data: bytes, source: str) -> str:
    """Text of `data` (not UTF-8) in the encoding charset-normalizer finds likeliest."""
    matches = list(from_bytes(data, cp_exclusion=_NOT_GUESSED))
    fail = ReadError(source, "cannot decode the text: not UTF-8 and no other encoding "
                             "fits with confidence (save it as UTF-8)")
    if not matches:
        raise fail
    best = matches[0]
    for match in matches:
        if (match.chaos <= best.chaos and match.coherence >= best.coherence - _TIE
                and "cp1252" in match.could_be_from_charset):
            return data.decode("cp1252", errors="replace")
    text = str(best)
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if best.coherence < _MIN_COHERENCE and non_ascii > 0.2 * len(text.strip()):
        raise fail
    return text


def decode(data: bytes, source: str) -> str:
    """Text of `data`: BOM removed, newlines as "\\n"; ReadError when empty, binary
    or in an encoding that cannot be told with confidence."""
    bom = _bom(data)
    if bom is None and b"\x00" in data[:_SNIFF_BYTES]:
        raise ReadError(source, "binary file, not text; give a text, HTML, JSON Lines, CSV "
                                "or feed file")
    if bom is not None:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            raise ReadError(source, f"cannot decode the text: it starts with a {encoding} "
                                    f"byte order mark but is not {encoding} (save it as UTF-8)"
                            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess(data, source)
    if not text.strip():
        raise ReadError(source, "empty file, nothing to read; add the article text or "
                                "leave the file out")
    if _looks_binary(text):
        raise ReadError(source, "binary file, not text; give a text, HTML, JSON Lines, CSV "
                                "or feed file")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """`text` with a leading BOM removed and "\\r\\n" / "\\r" line ends made "\\n"."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
