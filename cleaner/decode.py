"""Bytes -> text: detect the encoding, refuse what cannot be decoded surely.

UTF-8 (with or without BOM) is tried first because it is by far the most
common and is self-validating. UTF-16/32 are recognised by their BOM or by
their pattern of zero bytes. Anything else is handed to charset-normalizer,
restricted to the encodings Chinese text comes in, and accepted only when it
decodes strictly and reads as coherent text. Nothing is ever decoded with
``errors="replace"``: input that cannot be decoded with confidence stops with
an error naming the file and the byte offset.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

import regex

from .chars import CONTROL_RE
from .errors import BadInput

#: Encodings charset-normalizer may choose among for non-UTF-8 input.
CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "utf_16", "utf_32"]

#: Leading bytes of common binary formats, with a human name.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"), (b"%PDF-", "PDF document"), (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"), (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"\x7fELF", "ELF binary"),
    (b"\xfd7zXZ\x00", "xz data"), (b"\x28\xb5\x2f\xfd", "zstd data"), (b"RIFF", "RIFF media"),
    (b"PAR1", "Parquet file"), (b"SQLite format 3\x00", "SQLite database"),
]

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]

#: A UTF-8 prefix with this many multi-byte characters before the first bad
#: byte means the file is UTF-8 with a corrupt or foreign part, not GBK.
MIXED_PREFIX_CHARS = 8

_CONTROL = regex.compile(CONTROL_RE)
_LINE_END = regex.compile(r"\r\n?")


class Decoded(NamedTuple):
    text: str       # line ends normalised to "\n", BOM removed
    encoding: str   # the codec that decoded it


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refuse(kind: str, message: str, name: str, data: bytes, offset: int | None) -> BadInput:
    line = None if offset is None else _line_of(data, offset)
    return BadInput(kind, message, file=name, line=line, byte=offset)


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, if any.

    >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff_binary("文字".encode())
    ('PNG image', None)
    """
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16: zero bytes on one side of the
    byte pairs only (the high bytes of ASCII characters), and a decoding that
    reads as ordinary text."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and other <= zeros // 8:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if plausibility(text) >= MIN_PLAUSIBILITY:
                return enc
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise _refuse("undecodable", f"not valid {encoding}: bytes {data[e.start:e.start + 4]!r} "
                      f"cannot be decoded", name, data, e.start) from None
    except LookupError:
        raise BadInput("encoding", f"unknown encoding {encoding!r}", file=name) from None


def plausibility(text: str) -> float:
    """Share of a sample's characters that are ordinary in Chinese text.

    Ordinary: ASCII, common punctuation, and Han characters whose simplified
    form is among the 3,755 commonest (GB2312 level 1). Text decoded with the
    wrong codec turns into rare characters and scores low; this is what
    decides between codecs that all decode a short input without error.

    >>> plausibility("新报讯：记者张三") > 0.9, plausibility("陔惆捅") < 0.5
    (True, True)
    """
    from .normalize import _opencc
    sample = _opencc("t2s").convert(text[:20_000])
    good = total = 0
    for ch in sample:
        if ch.isspace():
            continue
        total += 1
        if ch.isascii() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
            good += 1
            continue
        try:
            b = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and (0xB0 <= b[0] <= 0xD7 or b[0] < 0xB0):
            good += 1
    return good / total if total else 0.0


#: A decoding must score at least this plausibility to be accepted.
MIN_PLAUSIBILITY = 0.6


def _detect(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Pick a non-UTF-8 Chinese encoding, or refuse.

    charset-normalizer proposes; every candidate that decodes strictly is
    scored by :func:`plausibility`, which settles short inputs where
    statistical detection has too little to go on.
    """
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    candidates = ["gb18030", "big5hkscs"]
    if best is not None and best.encoding not in candidates:
        candidates.insert(0, best.encoding)
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text) + (0.01 if best is not None and enc == best.encoding else 0)
        scored.append((score, enc, text))
    bad_at = utf8_error.start
    if not scored:
        raise _refuse("undecodable", "neither UTF-8 (first bad byte here) nor "
                      f"{' nor '.join(candidates)}", name, data, bad_at)
    score, enc, text = max(scored, key=lambda s: s[0])
    if score < MIN_PLAUSIBILITY:
        raise _refuse("undecodable", f"not UTF-8 from this byte, and as {enc} it reads as "
                      f"garbled text ({score:.0%} ordinary characters)", name, data, bad_at)
    return text, enc


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> Decoded:
    """Decode one raw file; ``encoding`` (from the manifest) skips detection.

    >>> decode("新报讯\\r\\n".encode("gb18030")).text
    '新报讯\\n'
    >>> decode(b"\\xef\\xbb\\xbfabc").encoding
    'utf-8-sig'
    """
    if not data:
        raise BadInput("empty", "file is empty", file=name)
    kind = sniff_binary(data)
    if kind:
        raise BadInput("binary", f"binary file ({kind}), not text", file=name, byte=0)
    if encoding:
        text, used = _strict(data, encoding, name), encoding
    else:
        text, used = _decode_detected(data, name)
    if used.startswith("utf-16") or used.startswith("utf-32") or used == "utf-8-sig":
        text = text.lstrip("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise BadInput("binary", "NUL character: binary data, not text", file=name, line=line)
    if not text.strip():
        raise BadInput("empty", "file holds only whitespace", file=name)
    controls = len(_CONTROL.findall(text))
    if controls > max(16, len(text) // 20):
        first = _CONTROL.search(text).start()
        raise BadInput("binary", f"{controls} control characters: binary data, not text",
                       file=name, line=text.count("\n", 0, first) + 1)
    return Decoded(_LINE_END.sub("\n", text), used)


def _decode_detected(data: bytes, name: str) -> tuple[str, str]:
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _strict(data, enc, name), enc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, name), utf16
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _refuse("binary", "NUL byte: binary data, not text", name, data, nul)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        prefix = data[:e.start].decode("utf-8")
        multibyte = sum(1 for ch in prefix[:100_000] if ord(ch) > 0x7F)
        if multibyte >= MIXED_PREFIX_CHARS:
            raise _refuse("mixed_encoding", f"valid UTF-8 up to here, then bytes "
                          f"{data[e.start:e.start + 4]!r} that are not: mixed or corrupt encoding",
                          name, data, e.start) from None
        return _detect(data, name, e)
