"""Bytes -> text: every encoding raw dumps arrive in, and clear refusals."""
import subprocess
import sys

import pytest

from cleaner.decode import decode
from cleaner.errors import BadInput

TEXT = "新报讯（记者 张三）日前，内蒙古自治区民政厅等17个部门联合制定了行动计划。\n第二段：社会工作。\n"
TRAD = "新報訊（記者 張三）日前，內蒙古自治區民政廳等17個部門聯合制定了行動計劃。\n第二段：社會工作。\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),                  # with BOM
    (TEXT.encode("utf-16-le"), "utf-16-le"),            # without BOM
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-32"), "utf-32"),
    (TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),                    # GBK is a subset
    (TEXT.encode("gb2312"), "gb18030"),
])
def test_simplified_encodings(data, encoding):
    d = decode(data, "x.txt")
    assert d.text == TEXT
    assert d.encoding == encoding


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "cp950"])
def test_traditional_encodings(codec):
    d = decode(TRAD.encode(codec), "x.txt")
    assert d.text == TRAD


def test_big5_hkscs_characters():
    text = "香港衞生署今日公佈，𨋢（升降機）維修。"
    assert decode(text.encode("big5hkscs"), "x.txt").text == text


@pytest.mark.parametrize("text,codec", [
    ("新报讯", "gb18030"), ("记者张三报道", "gb18030"), ("新報訊", "big5"), ("記者張三報導", "big5"),
    ("内蒙古自治区民政厅", "gbk"),
])
def test_short_inputs(text, codec):
    assert decode(text.encode(codec), "x.txt").text == text


@pytest.mark.parametrize("data", [
    "甲\r\n乙\r\n".encode(), "甲\r乙\r".encode(), "甲\n乙\n".encode(),
    "甲\r\n乙\r\n".encode("gb18030"), "甲\r乙\r".encode("utf-16"),
])
def test_line_ends_become_newlines(data):
    assert decode(data, "x.txt").text == "甲\n乙\n"


def test_manifest_encoding_skips_detection_and_names_a_family():
    text = "圍棋比賽使用碁盤。"   # 碁 is in cp950 and Big5-HKSCS, not in Big5 proper
    assert decode(text.encode("cp950"), "x.txt", encoding="big5").text == text
    text = "记者报道：𠀀字只在GB18030里。"
    assert decode(text.encode("gb18030"), "x.txt", encoding="gb2312").text == text


@pytest.mark.parametrize("data,kind,line,byte", [
    (("新报讯记者张三日前某地举行活动" * 2 + "\n第二行").encode() + "乱码".encode("gbk"),
     "mixed_encoding", 2, 100),
    ("新报讯记者".encode("gb18030") + b"\xff\xfe\x80" + "张三".encode("gb18030"), "undecodable", 1, 10),
    (bytes(range(128, 256)) * 3, "undecodable", 1, 0),
    ("甲\n乙\n丙".encode() + b"\x00\x01", "binary", 3, 11),
    (b"\x89PNG\r\n\x1a\n0000", "binary", None, 0),
])
def test_refusals_name_line_and_byte(data, kind, line, byte):
    with pytest.raises(BadInput) as e:
        decode(data, "raw/x.txt")
    assert (e.value.kind, e.value.line, e.value.byte) == (kind, line, byte)
    assert str(e.value).startswith("raw/x.txt: ")


def test_declared_encoding_that_does_not_fit_is_refused_with_offset():
    with pytest.raises(BadInput) as e:
        decode("甲乙\n丙".encode("gbk") + b"\xff", "x.txt", encoding="gbk")
    assert (e.value.kind, e.value.line, e.value.byte) == ("undecodable", 2, 7)


def test_declared_encoding_that_reads_as_garbage_is_refused():
    """UTF-8 bytes labelled GBK decode without error, into nonsense."""
    with pytest.raises(BadInput) as e:
        decode("甲乙甲乙甲乙".encode("utf-8"), "x.txt", encoding="gbk")   # reads 鐢蹭箼...
    assert e.value.kind == "garbled"


def test_ambiguous_short_input_is_refused_not_guessed():
    """Two bytes pairs that read as common characters in GB18030 and in Big5."""
    data = "數據".encode("big5")
    assert data.decode("gb18030") != data.decode("big5")
    try:
        text = decode(data, "x.txt").text
    except BadInput as e:
        assert e.kind == "ambiguous"
    else:
        assert text == "數據"   # decided, and decided right


@pytest.mark.parametrize("data,kind", [(b"", "empty"), (b" \n\t\n", "empty")])
def test_empty_input(data, kind):
    with pytest.raises(BadInput) as e:
        decode(data, "x.txt")
    assert e.value.kind == kind


def test_charset_normalizer_is_imported_only_for_non_utf8_input():
    code = ("import sys; from cleaner.decode import decode; decode('新报讯'.encode(), 'x');"
            "a = 'charset_normalizer' in sys.modules; decode('新报讯记者'.encode('gb18030'), 'y');"
            "print(a, 'charset_normalizer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
