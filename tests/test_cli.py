"""The command line as a shell user meets it: folders with a manifest,
option checks, messages, pipes closed early and Ctrl-C."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from cleaner.cli import parser
from conftest import ROOT, SEED
from rawpages import page, write_raw


def cli(*args, cwd=ROOT, **kw):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", **kw)


def records(stdout: str) -> list[dict]:
    return [json.loads(l) for l in stdout.splitlines()]


# --- clean DIR reads the folder's manifest ----------------------------------------------

def test_clean_reads_a_folders_manifest_and_does_not_clean_it(tmp_path):
    raw = write_raw(tmp_path / "raw", {"b.txt": page(["farm"]), "a.txt": page(["bus"])}, year=2024)
    (raw / "manifest.csv").write_text("file,year,outlet,encoding,note\n"
                                      "b.txt,2024,江城晚报,,\"page 3, March\"\n"
                                      "a.txt,,,,\n", encoding="utf-8")
    (raw / "b.txt").write_text(page(["farm"]).replace("连日来,", "3月5日,"), encoding="utf-8")
    (raw / "a.txt").write_text(page(["bus"]).replace("为方便市民出行,", "4月2日,"), encoding="utf-8")
    proc = cli("clean", str(raw), "--year", "2019", "--outlet", "某某日报", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    got = [(r["source"]["file"], r["title"], r["outlet"], r["date"]) for r in records(proc.stdout)]
    assert got == [
        (f"{raw.as_posix()}/b.txt", "春耕时节农机忙", "江城晚报", "2024-03-05"),   # the manifest's row
        (f"{raw.as_posix()}/a.txt", "城区新增三条公交线路", "某某日报", "2019-04-02"),  # its blanks: options
    ]
    assert "file,year" not in proc.stdout


def test_clean_of_a_folder_stops_on_a_file_its_manifest_does_not_list(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": page(["bus"])})
    (raw / "extra.txt").write_text(page(["farm"]), encoding="utf-8")
    proc = cli("clean", str(raw), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 3 and "extra.txt" in proc.stderr and "not in" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()
    proc = cli("clean", str(raw), "--on-error", "skip")
    assert proc.returncode == 0 and "skipped" in proc.stderr
    assert [r["title"] for r in records(proc.stdout)] == ["城区新增三条公交线路"]


def test_clean_of_a_folder_without_manifest_reads_every_file(tmp_path):
    raw = tmp_path / "pages"
    raw.mkdir()
    (raw / "2.txt").write_text(page(["farm"]), encoding="utf-8")
    (raw / "1.txt").write_text(page(["bus"]), encoding="utf-8")
    (raw / ".hidden.txt").write_text(page(["robots"]), encoding="utf-8")
    proc = cli("clean", str(raw), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert [r["title"] for r in records(proc.stdout)] == ["城区新增三条公交线路", "春耕时节农机忙"]


# --- options and messages ----------------------------------------------------------------

@pytest.mark.parametrize("argv, fragment", [
    (["build", "--workers", "0"], "argument --workers: '0' is not a positive whole number"),
    (["build", "--workers", "-1"], "argument --workers: '-1' is not a positive whole number"),
    (["clean", "x.txt", "--workers", "0"], "argument --workers: '0' is not a positive whole number"),
    (["build", "--test-share", "abc"], "argument --test-share: 'abc' is not a number"),
    (["build", "--test-share", "1"], "strictly between 0 and 1"),
    (["build", "--near-threshold", "x"], "argument --near-threshold: 'x' is not a number"),
    (["explain", "a.txt", "--script", "klingon"], "invalid choice: 'klingon'"),
])
def test_bad_options_are_refused_readably(argv, fragment, capsys):
    with pytest.raises(SystemExit) as e:
        parser().parse_args(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert fragment in err and "_share" not in err and "_threshold" not in err


def test_help_says_what_each_option_means():
    def text(command):
        sub = parser()._subparsers._group_actions[0].choices[command]
        return " ".join(sub.format_help().split())
    build, clean, explain = text("build"), text("clean"), text("explain")
    assert "share of groups" in build and "share of articles" not in build
    assert "the previous dataset stays" in build
    assert ("with -o nothing is written, while on standard output the records of the files before "
            "the bad one stay written") in clean
    for t in (build, clean, explain):
        assert "exit codes:" in t and "141" in t and "130" in t
    assert "--year YEAR year of the" in explain
    assert "hongkong, none, simplified, taiwan, traditional (default: simplified)" in explain


def test_summary_line_counts_in_words(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": page(["farm"])})
    proc = cli("build", "--raw", str(raw), "--out", str(tmp_path / "dist"), "--card",
               str(tmp_path / "CARD.md"), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert ": 1 article (train 1, test 0), 0 duplicates dropped, 0 files skipped" in proc.stderr


def test_a_declared_encoding_refusal_names_no_manifest_when_none_is_used(tmp_path):
    proc = cli("clean", str(SEED), "--encoding", "latin-1")
    assert proc.returncode == 3
    assert "declared encoding" in proc.stderr and "manifest" not in proc.stderr


# --- pipes and Ctrl-C ------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["clean", str(SEED)], ["explain", str(SEED)]])
def test_a_closed_pipe_stops_quietly_with_141(command):
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", *command, "--workers", "1"]
                            if command[0] == "clean" else [sys.executable, "-m", "cleaner", *command],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()       # the reader is gone before the first write, as after `| head`
    err = proc.stderr.read().decode()
    assert proc.wait() == 141
    assert err == ""


def _interrupt_handler(task):
    """Run in a pool worker instead of cleaning: what Ctrl-C would do there."""
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_workers_leave_ctrl_c_to_the_main_process(monkeypatch):
    """Ctrl-C reaches every process of the terminal's group; a worker that
    took it would print its own traceback before the main process's one line."""
    from cleaner import engine
    from cleaner.manifest import RawFile
    from cleaner.pipeline import FileMeta, Settings
    monkeypatch.setattr(engine, "clean_one", _interrupt_handler)
    files = [RawFile(str(SEED), FileMeta(f"p{i}.txt")) for i in range(4)]
    assert list(engine.run_local(files, Settings(), workers=2)) == [True] * 4


def test_ctrl_c_prints_one_line_and_no_worker_traceback(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(200):
        (raw / f"p{i:03d}.txt").write_text(text.replace("9月17日", f"9月{1 + i % 28}日") + f"\n第{i}页。\n",
                                           encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "build", "--raw", str(raw), "--out",
                             str(tmp_path / "dist"), "--card", str(tmp_path / "CARD.md"), "--workers",
                             "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    end = time.time() + 60
    while not list(tmp_path.glob(".dist.building-*")) and time.time() < end and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(0.5)           # the workers are busy
    assert proc.poll() is None, "the build finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)   # what Ctrl-C in a terminal sends: the whole group
    err = proc.stderr.read().decode()
    assert proc.wait() == 130
    assert err.strip() == "cleaner: interrupted"
    assert not (tmp_path / "dist").exists()


def test_clean_imports_no_dataset_stack(tmp_path):
    """clean starts fast: the dataset stack (build, pyarrow, datasets) is
    imported only by the commands that write a dataset."""
    code = ("import sys; from cleaner import cli; cli.main(['clean', sys.argv[1], '--year', '2021', '-o', sys.argv[2]]);"
            "print(sorted(m for m in ('cleaner.build', 'pyarrow', 'datasets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(SEED), str(tmp_path / "out.jsonl")],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]"
