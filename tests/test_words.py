"""The parsed-dictionary cache: same tables as parsing, used when present,
passed over when broken or unwritable."""
import os

import pytest

from cleaner import words

DICT = "的 6 uj\n我们 3 r\n全国人民代表大会 1 nt\n来 0 v\n北京 5 ns\n"


@pytest.fixture
def dict_file(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text(DICT, encoding="utf-8")
    return str(path)


def test_cache_gives_the_parsed_tables_and_is_used(dict_file, tmp_path, monkeypatch):
    folder = str(tmp_path / "cache")
    parsed = words.parse_dictionary(DICT.splitlines())
    assert words.cached_tables(dict_file, folder) == parsed      # parsed, then written
    assert len(os.listdir(folder)) == 1

    def refuse(lines):
        raise AssertionError("parsed again although cached")
    monkeypatch.setattr(words, "parse_dictionary", refuse)
    assert words.cached_tables(dict_file, folder) == parsed      # read back from the cache


def test_changed_dictionary_is_parsed_afresh(dict_file, tmp_path):
    folder = str(tmp_path / "cache")
    words.cached_tables(dict_file, folder)
    with open(dict_file, "a", encoding="utf-8") as f:
        f.write("上海 4 ns\n")
    assert "上海" in words.cached_tables(dict_file, folder).known


def test_broken_cache_file_is_passed_over(dict_file, tmp_path):
    folder = tmp_path / "cache"
    words.cached_tables(dict_file, str(folder))
    (cache,) = folder.iterdir()
    cache.write_bytes(b"\x00garbage")
    assert words.cached_tables(dict_file, str(folder)) == words.parse_dictionary(DICT.splitlines())


def test_unwritable_cache_folder_is_passed_over(dict_file, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    got = words.cached_tables(dict_file, str(blocker / "cache"))
    assert got == words.parse_dictionary(DICT.splitlines())
    assert words.cached_tables(dict_file, None).known == frozenset({"的", "我们", "北京"})


def test_cache_dir_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    assert words.cache_dir() is None
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    assert words.cache_dir() == str(tmp_path)
    monkeypatch.delenv("CLEANER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert words.cache_dir() == str(tmp_path / "xdg" / "cleaner")


def test_only_the_newest_parsed_dictionaries_are_kept(tmp_path):
    folder = tmp_path / "cache"
    for k in range(words._CACHE_KEEP + 2):      # as many jieba installs, one after another
        path = tmp_path / f"dict{k}.txt"
        path.write_text(DICT + "字" * k + " 1\n", encoding="utf-8")
        words.cached_tables(str(path), str(folder))
        newest = max(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, ns=(k * 10**9, k * 10**9))     # distinct ages, oldest first
    kept = list(folder.iterdir())
    assert len(kept) == words._CACHE_KEEP
    ages = sorted(p.stat().st_mtime_ns // 10**9 for p in kept)
    assert ages == [2, 3, 4, 5]


@pytest.mark.parametrize("prev, nxt", [("市民可通过“某某公交”微", "信小程序提出需求。"),
                                       ("出行前请出示健康", "码，配合测温。"),
                                       ("全市新增网约", "车驾驶员3000人。")])
def test_words_of_todays_news_are_words_across_a_join(prev, nxt):
    """jieba's dictionary lacks them; the project's supplement has them."""
    assert words.word_across_join(prev, nxt)


def test_the_supplement_keeps_jiebas_own_entries():
    t = words.tables()
    assert t.logp["手机"] > t.logp["微信"] - 1      # jieba's 手机 untouched, 微信 a common noun
    assert "微信" not in t.classes                  # no word class: not read as a name
