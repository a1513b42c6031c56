"""Bytes -> text: detect the encoding, refuse what cannot be decoded surely.

UTF-8 (with or without BOM) is tried first because it is by far the most
common and is self-validating. UTF-16/32 are recognised by their BOM or by
their pattern of zero bytes. Anything else is handed to charset-normalizer
(imported only then), restricted to the encodings Chinese text comes in;
every candidate that decodes strictly (GB18030, Big5-HKSCS, cp950, UTF-16)
is scored for ordinary characters and dictionary words, and the best wins
only when it reads as coherent text and clearly beats any rival reading:
short inputs that read as well in GB18030 as in Big5 are refused, not
guessed. An encoding named in the manifest skips detection but not the
garbled-text check. Nothing is ever decoded with ``errors="replace"``:
input that cannot be decoded with confidence stops with an error naming the
file, the line and the byte offset.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

import regex

from .chars import CONTROL_RE
from .errors import BadInput

#: Encodings charset-normalizer may choose among for non-UTF-8 input.
CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "utf_16", "utf_32"]

#: Codecs always scored for non-UTF-8 input, whatever charset-normalizer says:
#: each is a superset of the labels files carry (GB2312 and GBK are subsets
#: of GB18030; Big5 of Big5-HKSCS and of cp950, which adds the euro sign).
FALLBACK_CANDIDATES = ["gb18030", "big5hkscs", "cp950", "utf-16-le", "utf-16-be"]

#: A manifest's encoding label -> the codecs tried for it, in order. Files
#: labelled GB2312 or GBK routinely hold characters only GB18030 has, and
#: Big5 files hold HKSCS or cp950 additions, so a label names a family.
LABEL_FAMILY = {
    "gb2312": ["gb18030"], "gbk": ["gb18030"], "cp936": ["gb18030"], "gb18030": ["gb18030"],
    "big5": ["big5hkscs", "cp950"], "big5hkscs": ["big5hkscs"], "cp950": ["cp950", "big5hkscs"],
}

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


def _utf32_without_bom(data: bytes) -> str | None:
    """``utf-32-le``/``-be`` for BOM-less UTF-32: the high byte of every
    four-byte unit is zero (no code point is above U+10FFFF)."""
    if len(data) % 4 or len(data) < 4:
        return None
    sample = data[:8192 - 8192 % 4]
    if not sample[3::4].strip(b"\x00") and sample[2::4].count(0) * 2 > len(sample) // 4:
        enc = "utf-32-le"
    elif not sample[0::4].strip(b"\x00") and sample[1::4].count(0) * 2 > len(sample) // 4:
        enc = "utf-32-be"
    else:
        return None
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return None
    return enc


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


def _declared(data: bytes, label: str, name: str) -> tuple[str, str]:
    """Decode with the encoding a manifest names (widened to its family).

    >>> _declared("碁".encode("cp950"), "big5", "x")
    ('碁', 'big5hkscs')
    """
    try:
        key = codecs.lookup(label).name.replace("-", "").replace("_", "")
    except LookupError:
        raise BadInput("encoding", f"unknown encoding {label!r}", file=name) from None
    family = LABEL_FAMILY.get(key, [label])
    first_error = None
    for enc in family:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as e:
            first_error = first_error or e
    e = first_error
    raise _refuse("undecodable", f"declared {label}, but bytes {data[e.start:e.start + 4]!r} are "
                  f"not valid {' or '.join(family)}", name, data, e.start)


#: Punctuation and symbols ordinary in Chinese text (besides ASCII).
_ORDINARY_PUNCT = frozenset(
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·￥％"
    "\u3000"   # ideographic space
    "\u3007"   # 〇 ideographic number zero
    "○"         # white circle, printed for zero in dates
    "\u00b7\u2022\u25cf\u25a1\u25a0\u25c6\u25b2\u2605\u2606"  # · • ● □ ■ ◆ ▲ ★ ☆
)


def _char_weight(ch: str) -> float:
    """How ordinary one (simplified) character is in Chinese text: 1 for
    ASCII, common punctuation, full-width ASCII and the 3,755 commonest Han
    (GB2312 level 1); 0.5 for the 3,008 rarer GB2312 Han (level 2); 0 for
    the rest: kana, Cyrillic, box drawing, private use, rare Han, which is
    what text decoded with the wrong codec turns into."""
    if ch.isascii() or ch in _ORDINARY_PUNCT or "\uff01" <= ch <= "\uff5e":
        return 1.0
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return 0.0
    if len(b) == 2 and 0xB0 <= b[0] <= 0xD7:
        return 1.0
    if len(b) == 2 and 0xD8 <= b[0] <= 0xF7:
        return 0.5
    return 0.0


def plausibility(text: str) -> float:
    """Mean ordinariness (:func:`_char_weight`) of a sample's characters.

    Text decoded with the wrong codec turns into kana, symbols and rare
    characters and scores low; this is what decides between codecs that all
    decode a short input without error. Traditional text is converted to
    simplified first, so Big5 text is judged like GB text.

    >>> plausibility("本报讯：记者张三"), plausibility("い瓣")   # Big5 中國 read as GB
    (1.0, 0.5)
    """
    from .normalize import _opencc
    sample = _opencc("t2s").convert(text[:20_000])
    weights = [_char_weight(ch) for ch in sample if not ch.isspace()]
    return sum(weights) / len(weights) if weights else 0.0


#: A decoding must score at least this plausibility to be accepted.
MIN_PLAUSIBILITY = 0.6

#: Two decodings into different texts whose scores lie closer than this are
#: a coin toss: the input is refused rather than guessed. Measured on
#: snippets of the dev corpus encoded as GB18030 and Big5: at 0.2 no
#: snippet of 2 to 10 characters was decoded wrongly and 1-6% were refused
#: (whole pages, thousands of characters, are never close).
AMBIGUITY_MARGIN = 0.2


def word_pairs(text: str) -> float:
    """Share of adjacent Han pairs (after conversion to simplified) that are
    two-character words of jieba's dictionary.

    Right decodings read as words, wrong ones as strings of characters that
    are each common but never go together (``计沮`` for Big5 ``數據``).

    >>> word_pairs("数据"), word_pairs("计沮")
    (1.0, 0.0)
    """
    from .normalize import _opencc
    from .words import dictionary
    sample = _opencc("t2s").convert(text[:20_000])
    vocab = dictionary()
    pairs = [m.group(1) + m.group(2) for m in _HAN_PAIR.finditer(sample)]
    return sum(p in vocab for p in pairs) / len(pairs) if pairs else 0.0


_HAN_PAIR = regex.compile(r"(\p{Han})(?=(\p{Han}))")


def _detect(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Pick a non-UTF-8 Chinese encoding, or refuse.

    charset-normalizer proposes; every candidate that decodes strictly is
    scored by :func:`plausibility`, which settles short inputs where
    statistical detection has too little to go on. When no candidate decodes,
    the error points at the byte where the one that got furthest failed.
    """
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    proposed = best.encoding if best is not None else None
    candidates = list(FALLBACK_CANDIDATES)
    if proposed and proposed not in candidates:
        candidates.insert(0, proposed)
    scored = []
    furthest: tuple[int, str] = (utf8_error.start, "utf-8")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            if e.start > furthest[0] and not enc.startswith("utf-16"):
                furthest = (e.start, enc)   # UTF-16 fails late on anything: no clue
            continue
        scored.append((plausibility(text), word_pairs(text) + (0.01 if enc == proposed else 0),
                       enc, text))
    if not scored:
        at, enc = furthest
        raise _refuse("undecodable", f"bytes {data[at:at + 4]!r} are not valid {enc} (the codec "
                      f"that read furthest), and the file is not valid "
                      f"{' or '.join(c for c in ['utf-8', *candidates] if c != enc)}",
                      name, data, at)
    scored.sort(key=lambda s: s[0] + s[1], reverse=True)
    chars, pairs, enc, text = scored[0]
    if chars < MIN_PLAUSIBILITY:
        raise _refuse("undecodable", f"not UTF-8 from this byte, and as {enc} it reads as "
                      f"garbled text ({chars:.0%} ordinary characters)", name, data, utf8_error.start)
    rival = next((s for s in scored[1:] if s[3] != text), None)
    if rival is not None and chars + pairs - rival[0] - rival[1] < AMBIGUITY_MARGIN:
        raise _refuse("ambiguous", f"not UTF-8, and too short to tell {enc} ({text[:12]!r}) from "
                      f"{rival[2]} ({rival[3][:12]!r}); name the encoding (the manifest's encoding "
                      "column, or clean --encoding)",
                      name, data, utf8_error.start)
    return text, enc


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> Decoded:
    """Decode one raw file; ``encoding`` (from the manifest) skips detection.

    >>> decode("本报讯\\r\\n".encode("gb18030")).text
    '本报讯\\n'
    >>> decode(b"\\xef\\xbb\\xbfabc").encoding
    'utf-8-sig'
    """
    if not data:
        raise BadInput("empty", "file is empty", file=name)
    kind = sniff_binary(data)
    if kind:
        raise BadInput("binary", f"binary file ({kind}), not text", file=name, byte=0)
    if encoding:
        text, used = _declared(data, encoding, name)
        score = 1.0 if used.startswith("utf") else plausibility(text)   # UTF-8 checks itself
        if score < MIN_PLAUSIBILITY:
            raise BadInput("garbled", f"declared {encoding}, but as {used} it reads as garbled text "
                           f"({score:.0%} ordinary characters): is the declared encoding right?",
                           file=name)
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
    wide = _utf32_without_bom(data) or _utf16_without_bom(data)
    if wide:
        return _strict(data, wide, name), wide
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
