"""Learner files: the folder, atomic saves, crashes mid-save, corrupt and foreign files."""

from __future__ import annotations

import json
import os

import pytest

from kit.errors import KitError, SaveError
from kit.learner import storage


def test_learner_dir_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path / "work"))
    assert storage.learner_dir() == tmp_path / "work"
    assert (tmp_path / "work").is_dir()


def test_learner_dir_outside_the_lessons_defaults_to_home(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_LEARNER_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert storage.learner_dir() == tmp_path / "home" / "kit-learner-work"


def _lessons(root):
    (root / "notebooks" / "apps").mkdir(parents=True)
    (root / "notebooks" / "00_start_here.ipynb").write_text("{}")
    return root / "notebooks"


def test_learner_dir_in_the_lessons_is_beside_the_notebooks(tmp_path, monkeypatch):
    """A kernel runs in its notebook's folder: the learner folder is beside the lessons, in the file browser."""
    monkeypatch.delenv("KIT_LEARNER_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    notebooks = _lessons(tmp_path / "repo")
    for where in (notebooks, notebooks / "apps"):  # a lesson, and the explorer app one folder down
        monkeypatch.chdir(where)
        assert storage.lessons_folder() == notebooks
        assert storage.learner_dir() == notebooks / "kit-learner-work"
    assert not (tmp_path / "home").exists()


def test_learner_dir_beside_read_only_lessons_falls_back_to_home(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_LEARNER_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    notebooks = _lessons(tmp_path / "repo")
    monkeypatch.chdir(notebooks)
    monkeypatch.setattr(storage.os, "access", lambda path, mode: False)  # as a read-only shared folder
    assert storage.learner_dir() == tmp_path / "home" / "kit-learner-work"


def test_the_repositorys_learner_folder_is_ignored_by_git():
    """Learner work beside the lessons never becomes one of the repository's files."""
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    assert storage.lessons_folder(root / "notebooks") == root / "notebooks"
    for name in ("coding-x.json", "my-case/article.txt", "my-case/case.yaml"):
        path = f"notebooks/{storage.FOLDER_NAME}/{name}"
        assert subprocess.run(["git", "-C", str(root), "check-ignore", "-q", path]).returncode == 0, path


def test_learner_dir_that_is_a_file_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / "f").write_text("x")
    monkeypatch.setenv("KIT_LEARNER_DIR", str(tmp_path / "f"))
    with pytest.raises(SaveError, match="KIT_LEARNER_DIR"):
        storage.learner_dir()


def test_round_trip_keeps_unicode(tmp_path):
    data = {"text": "Hollande – “boots” é", "n": [1, 2]}
    storage.save_json(tmp_path / "a.json", data)
    assert storage.load_json(tmp_path / "a.json") == data
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temp file left behind


def test_crash_in_replace_keeps_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "coding.json"
    storage.save_json(path, {"v": 1})

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", boom)
    with pytest.raises(SaveError, match="previous save is unchanged"):
        storage.save_json(path, {"v": 2})
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"v": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coding.json"]


def test_crash_during_write_keeps_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "coding.json"
    storage.save_json(path, {"v": 1})
    monkeypatch.setattr(storage.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(SaveError):
        storage.save_json(path, {"v": 2})
    monkeypatch.undo()
    assert storage.load_json(path) == {"v": 1}
    assert len(list(tmp_path.iterdir())) == 1


def test_unserialisable_data_never_touches_the_file(tmp_path):
    path = tmp_path / "c.json"
    storage.save_json(path, {"v": 1})
    with pytest.raises(SaveError, match="cannot be saved as JSON"):
        storage.save_json(path, {"v": object()})
    assert storage.load_json(path) == {"v": 1}


def test_corrupt_file_is_backed_up_not_lost(tmp_path):
    path = tmp_path / "coding.json"
    path.write_bytes(b'{"stances": [ truncated')
    with pytest.raises(SaveError) as info:
        storage.load_json(path)
    message = str(info.value)
    assert "damaged" in message and "\n" not in message and "Traceback" not in message
    backups = list(tmp_path.glob("coding.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].name in message
    assert backups[0].read_bytes() == b'{"stances": [ truncated'
    assert not path.exists()


def test_two_backups_in_the_same_second_do_not_overwrite(tmp_path):
    for content in (b"one", b"two"):
        (tmp_path / "c.json").write_bytes(content)
        storage.backup(tmp_path / "c.json")
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == [b"one", b"two"]


def test_missing_file_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="no such file"):
        storage.load_json(tmp_path / "nope.json")
    assert issubclass(SaveError, KitError)


CASE = {"title": "T", "article_sha256": "abc"}


def test_record_round_trip(tmp_path):
    storage.save_record(tmp_path / "r.json", kind="kit-coding", version=1, case_id=CASE, body={"stances": []})
    data = storage.load_record(tmp_path / "r.json", kind="kit-coding", version=1, case_id=CASE)
    assert data["format"] == "kit-coding" and data["version"] == 1 and data["case"] == CASE


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ({"some": "notebook"}, "not a kit file"),
        ([1, 2, 3], "not a kit file"),
        ({"format": "kit-coding", "version": 99, "case": CASE}, "newer version"),
        (
            {"format": "kit-coding", "version": 1, "case": {"title": "Other", "article_sha256": "zzz"}},
            "different article",
        ),
    ],
)
def test_foreign_record_is_moved_aside_with_a_message(tmp_path, content, words):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(content))
    with pytest.raises(SaveError, match=words) as info:
        storage.load_record(path, kind="kit-coding", version=1, case_id=CASE)
    (kept,) = tmp_path.glob("r.json.foreign-*")
    assert kept.name in str(info.value)
    assert json.loads(kept.read_text()) == content


def test_foreign_peer_file_is_left_in_place(tmp_path):
    path = tmp_path / "peer.json"
    path.write_text("{}")
    with pytest.raises(SaveError, match="choose a file exported"):
        storage.parse_record(storage.read_bytes(path), name=path.name, kind="kit-coding", version=1)
    assert path.exists()


def test_temp_files_live_in_the_target_folder(tmp_path, monkeypatch):
    seen = []
    real = storage.os.replace

    def spy(src, dst):
        seen.append(os.path.dirname(src))
        return real(src, dst)

    monkeypatch.setattr(storage.os, "replace", spy)
    storage.save_json(tmp_path / "x.json", {})
    assert seen == [str(tmp_path)]
