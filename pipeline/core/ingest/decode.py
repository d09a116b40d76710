"""Bytes to text: byte-order marks, a declared charset, UTF-8, then charset-normalizer.

Detection is limited to the encodings this corpus is written in (Chinese and English news sites):
left free, charset-normalizer reads short Latin-1 text as Baltic cp775 and short Big5 text as
UTF-16. Binary files are recognised first (NUL bytes, well-known signatures) so that they are
rejected as binary instead of being "decoded" into nonsense.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from pipeline.core.ingest.sources import Unreadable

# Tried by charset-normalizer after strict UTF-8 fails; cp1252 is Latin-1 plus Windows curly quotes.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "cp1252", "latin_1"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"), (b"%PDF-", "a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7z archive"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_MAX_JUNK_RATIO = 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM shows as NUL bytes in every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares in its first kilobytes, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    name = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def check_not_binary(text: str) -> None:
    """Refuse decoded text that is mostly control characters or replacement marks (binary junk)."""
    if not text:
        return
    # Each distinct character is classified once and counted with str.count: this runs on every file.
    junk = sum(text.count(c) for c in set(text)
               if (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v") or c == "\ufffd")
    if junk > _MAX_JUNK_RATIO * len(text):
        raise Unreadable(f"binary content: {junk} of {len(text)} characters are control characters")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode raw bytes into (text, encoding name); raise Unreadable for binary or undecodable input.

    The surest evidence goes first: a byte-order mark, then a binary signature (refused), UTF-16 without
    a mark, NUL bytes (refused), the declared charset or UTF-8, and only then charset-normalizer's guess."""
    decoded = _after_bom(data)
    if decoded is None:
        _refuse_binary_signature(data)
        decoded = _utf16_without_bom_text(data)
    if decoded is None:
        if b"\x00" in data:
            raise Unreadable("binary content: the file contains NUL bytes")
        decoded = _declared_or_utf8(data, declared) or _detected(data)
    check_not_binary(decoded[0])
    return decoded


def _after_bom(data: bytes) -> tuple[str, str] | None:
    """The text behind a byte-order mark, which names its encoding: bytes that do not decode in it are refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is None:
                raise Unreadable(f"undecodable bytes: the file starts with a {encoding} byte-order mark "
                                 f"but is not valid {encoding}")
            return text, encoding + ("-sig" if encoding == "utf-8" else "")
    return None


def _refuse_binary_signature(data: bytes) -> None:
    """Raise Unreadable for a file that starts like an image, an archive, an executable or a PDF."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise Unreadable(f"binary content: the file looks like {kind}")


def _utf16_without_bom_text(data: bytes) -> tuple[str, str] | None:
    utf16 = _utf16_without_bom(data)
    text = _strict(data, utf16) if utf16 else None
    return None if text is None else (text, utf16)


def _declared_or_utf8(data: bytes, declared: str | None) -> tuple[str, str] | None:
    for encoding in filter(None, (declared, "utf-8")):
        text = _strict(data, encoding)
        if text is not None:
            return text, encoding
    return None


def _detected(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best reading among CANDIDATE_ENCODINGS, the last resort."""
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise Unreadable("undecodable bytes: not valid UTF-8, UTF-16, GB18030, Big5 or Latin-1 text")
    return str(best), best.encoding
