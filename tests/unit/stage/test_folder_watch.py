"""The raw folder's signature, on which the sensor decides: it sees every visible change, without reading files."""
from __future__ import annotations

import os

from pipeline.core.folder_watch import folder_signature


def test_folder_signature_sees_new_changed_and_deleted_files_but_not_hidden_ones(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    base = folder_signature(tmp_path)
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    assert folder_signature(tmp_path) == base
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    added = folder_signature(tmp_path)
    assert added != base
    stat = (tmp_path / "b.txt").stat()
    os.utime(tmp_path / "b.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert folder_signature(tmp_path) != added
    (tmp_path / "b.txt").unlink()
    assert folder_signature(tmp_path) == base
