"""Character knowledge: every class and table the cleaners share, in one place.

Character *sets* (frozensets, for ``ch in SET``) are kept apart from regex
*fragments* (strings meant to sit inside ``[...]``), so that a fragment's
escapes and ranges never leak into a membership test.
"""
from __future__ import annotations

# --- Unicode blocks ---------------------------------------------------------
# Han is matched with the ``regex`` module's ``\p{Han}``, which follows the
# Unicode Script property (all CJK Unified Ideograph blocks, compatibility
# ideographs, 〇 and radicals) and so needs no hand-kept range list.
HAN = r"\p{Han}"

#: The same Han script as a class fragment for the standard ``re`` module,
#: which scans plain classes several times faster than ``regex`` (for
#: patterns run on every paragraph). It lists the ranges ``\p{Han}`` covers
#: (Unicode 14 and later: radicals, 々〇〡-〩〸-〻, the unified and
#: compatibility ideographs and their extensions); a test checks it against
#: ``\p{Han}`` code point by code point.
HAN_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3"        # CJK radicals supplement
    "\u2f00-\u2fd5"                     # Kangxi radicals
    "\u3005\u3007\u3021-\u3029\u3038-\u303b"   # 々 〇 Hangzhou numerals 〸-〻
    "\u3400-\u4dbf"                     # extension A
    "\u4e00-\u9fff"                     # CJK unified ideographs
    "\uf900-\ufa6d\ufa70-\ufad9"        # compatibility ideographs
    "\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"   # ideographic symbols and punctuation
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"   # extensions B and on
    "\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d"
    "\U0002f800-\U0002fa1d"             # compatibility ideographs supplement
    "\U00030000-\U0003134a\U00031350-\U00033479"
)

# --- Punctuation sets -------------------------------------------------------
#: Ends a sentence. ASCII twins are listed because raw pages often carry them.
SENTENCE_FINAL = frozenset(
    "\u3002"  # 。 ideographic full stop
    "\uff01"  # ！ fullwidth exclamation mark
    "\uff1f"  # ？ fullwidth question mark
    "\u2026"  # … horizontal ellipsis
    "\u22ef"  # ⋯ midline horizontal ellipsis (folded to …… later)
    "!?"      # ASCII twins
    "\uff0e"  # ． fullwidth full stop (used as 。 in some dumps)
)

#: Ends a clause but not a sentence: a line ending in one of these goes on.
CLAUSE_FINAL = frozenset(
    "\uff0c"  # ， fullwidth comma
    "\u3001"  # 、 ideographic comma
    "\uff1b"  # ； fullwidth semicolon
    "\uff1a"  # ： fullwidth colon
    ",;:"     # ASCII twins
)

#: Closing brackets and quotes; they may follow a sentence end (。” or 。）).
CLOSERS = frozenset(
    "\uff09"  # ） fullwidth right parenthesis
    "\u300b"  # 》 right double angle bracket
    "\u3009"  # 〉 right angle bracket
    "\u300d"  # 」 right corner bracket
    "\u300f"  # 』 right white corner bracket
    "\u3011"  # 】 right black lenticular bracket
    "\u3015"  # 〕 right tortoise shell bracket
    "\u201d"  # ” right double quotation mark
    "\u2019"  # ’ right single quotation mark
    ")]}"     # ASCII twins
)

#: Opening brackets and quotes: a layout break never falls right after one.
OPENERS = frozenset(
    "\uff08"  # （ fullwidth left parenthesis
    "\u300a"  # 《 left double angle bracket
    "\u3008"  # 〈 left angle bracket
    "\u300c"  # 「 left corner bracket
    "\u300e"  # 『 left white corner bracket
    "\u3010"  # 【 left black lenticular bracket
    "\u3014"  # 〔 left tortoise shell bracket
    "\u201c"  # “ left double quotation mark
    "\u2018"  # ‘ left single quotation mark
    "([{"     # ASCII twins
)

#: Pairs of brackets/quotes, opener -> closer, for balance counting.
PAIRS = {
    "\uff08": "\uff09", "(": ")", "\u300a": "\u300b", "\u3008": "\u3009",
    "\u300c": "\u300d", "\u300e": "\u300f", "\u3010": "\u3011",
    "\u3014": "\u3015", "\u201c": "\u201d", "\u2018": "\u2019",
    "[": "]", "{": "}",
}

#: Never starts a line in typeset Chinese (GB/T 15834 line-breaking rules):
#: a raw line that starts with one of these was broken by layout.
NO_LINE_START = frozenset(CLAUSE_FINAL | CLOSERS | set(
    "\u3002"  # 。
    "\uff01"  # ！
    "\uff1f"  # ？
    "\u2026"  # …
    "\u22ef"  # ⋯
    "!?."
))

# --- Width tables -----------------------------------------------------------
#: ASCII punctuation that takes its full-width form in Chinese context.
ASCII_TO_FULLWIDTH = {
    ",": "\uff0c",  # ，
    ";": "\uff1b",  # ；
    ":": "\uff1a",  # ：
    "!": "\uff01",  # ！
    "?": "\uff1f",  # ？
    "(": "\uff08",  # （
    ")": "\uff09",  # ）
}

#: Full-width forms folded to ASCII wherever they stand: digits, Latin
#: letters, and symbols that have no Chinese typographic role.
FULLWIDTH_TO_ASCII = {
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},   # ０-９
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},   # Ａ-Ｚ
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},   # ａ-ｚ
    "\uff05": "%",   # ％ fullwidth percent sign
    "\uff0b": "+",   # ＋ fullwidth plus sign
    "\uff1d": "=",   # ＝ fullwidth equals sign
    "\uff20": "@",   # ＠ fullwidth commercial at
    "\uff03": "#",   # ＃ fullwidth number sign
    "\uff06": "&",   # ＆ fullwidth ampersand
    "\uff0f": "/",   # ／ fullwidth solidus
    "\uff3f": "_",   # ＿ fullwidth low line
}

#: Full-width forms folded to ASCII only between two ASCII letters or digits
#: (``５．０`` -> ``5.0``, ``ｗｗｗ．ｘ`` -> ``www.x``), since alone they may be
#: Chinese punctuation.
FULLWIDTH_INNER = {
    "\uff0e": ".",   # ． fullwidth full stop
    "\uff0d": "-",   # － fullwidth hyphen-minus
    "\uff1a": ":",   # ： fullwidth colon, as in times 16：10
    "\uff0c": ",",   # ， fullwidth comma, as in thousands 1，000
}

#: Full-width quotation marks, folded to ASCII so that the quote rule pairs
#: and curls them like straight quotes (``＂温暖＂`` -> ``“温暖”``).
FULLWIDTH_QUOTES = {
    "\uff02": '"',   # ＂ fullwidth quotation mark
    "\uff07": "'",   # ＇ fullwidth apostrophe
}

#: Kangxi radicals (U+2F00-U+2FD5) that PDF and OCR text carries instead of
#: the ideographs they look like (``⼈`` for ``人``); NFKC maps each to its
#: ideograph, and nothing else in the block, so folding them is safe.
KANGXI_RADICALS = "\u2f00-\u2fd5"

# --- HTML debris --------------------------------------------------------------
#: Character entities web dumps leave in text, and what they stand for. The
#: first five are also recognised without their semicolon (``&nbsp&nbsp``),
#: as browsers do; a bare ``&nbsp`` even before letters (``&nbspIPO``).
ENTITIES = {
    "nbsp": "\u00a0", "amp": "&", "lt": "<", "gt": ">", "quot": '"',
    "apos": "'", "ensp": "\u2002", "emsp": "\u2003", "thinsp": "\u2009",
    "middot": "\u00b7",  # ·
    "hellip": "\u2026",  # …
    "mdash": "\u2014",   # —
    "ndash": "\u2013",   # –
    "ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019",
    "laquo": "\u00ab", "raquo": "\u00bb", "times": "\u00d7", "divide": "\u00f7",
    "deg": "\u00b0", "yen": "\u00a5", "copy": "\u00a9", "reg": "\u00ae", "bull": "\u2022",
}
ENTITIES_WITHOUT_SEMICOLON = ("nbsp", "amp", "lt", "gt", "quot")

# --- Whitespace and invisible characters --------------------------------------
#: Space characters folded to one ASCII space (tab, no-break, ideographic, ...).
SPACES = (
    "\t"
    "\u00a0"  # no-break space
    "\u1680"  # ogham space mark
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f"  # narrow no-break space
    "\u205f"  # medium mathematical space
    "\u3000"  # ideographic space
    "\ue5e5"  # private use: GB18030's mapping of GBK byte pair A3A0, which
              # Windows code page 936 shows as a full-width space
)

#: Characters that carry no text and are removed (zero-width, bidi controls,
#: soft hyphen, BOM inside text). Control characters are matched separately.
INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u200b"  # zero width space
    "\u200c"  # zero width non-joiner
    "\u200d"  # zero width joiner
    "\u200e\u200f"  # left-to-right / right-to-left mark
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # zero width no-break space (BOM)
)

#: C0 and C1 controls other than tab, line feed and carriage return, plus DEL.
CONTROL_RE = "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]"


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (the common blocks; fast, no regex).

    >>> is_han("中"), is_han("A"), is_han("，")
    (True, False, False)
    """
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF
            or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF or o == 0x3007)
