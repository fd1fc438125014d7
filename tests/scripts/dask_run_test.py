#!/usr/bin/python3
"""Tests scripts/dask_run.py: 4 JSONL shards of corpus/ on a 2-worker Dask
LocalCluster give, shard by shard, exactly the records of one plain run of
gigafact over the same lines; outputs appear under their final names only;
--resume skips finished shards; with `-- --db sqlite:…` both workers load
one database and every record lands once.

Exit 77 (meson's "skipped") with a message when Dask is not installed.
"""

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.environ.get("GIGAFACT_SOURCE_ROOT",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BIN = os.environ.get("GIGAFACT_BIN", os.path.join(ROOT, "build", "gigafact"))
SCRIPT = os.path.join(ROOT, "scripts", "dask_run.py")
SHARDS = 4

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def make_shards(shard_dir):
    """Every corpus article as a JSONL line with an id, dealt into SHARDS files."""
    paths = sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.txt"), recursive=True))
    lines = []
    for p in paths:
        with open(p, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        lines.append(json.dumps({"id": os.path.relpath(p, ROOT), "text": text},
                                ensure_ascii=False) + "\n")
    names = []
    for i in range(SHARDS):
        name = os.path.join(shard_dir, "part-%05d.jsonl" % i)
        with open(name, "w", encoding="utf-8") as f:
            f.writelines(lines[i::SHARDS])
        names.append(name)
    return names, len(lines)


def run_script(*args):
    return subprocess.run([sys.executable, SCRIPT] + list(args), capture_output=True, text=True)


def main():
    try:
        import dask.distributed  # noqa: F401
    except ImportError as e:
        print("SKIPPED: Dask is not installed for %s (%s): apt-get install python3-dask "
              "python3-distributed" % (sys.executable, e))
        return 77
    work = tempfile.mkdtemp(prefix="gigafact_dask_")
    try:
        shard_dir = os.path.join(work, "shards")
        out_dir = os.path.join(work, "out")
        os.makedirs(shard_dir)
        shards, n_articles = make_shards(shard_dir)
        check(n_articles >= SHARDS, "corpus/ has at least %d articles (%d)" % (SHARDS, n_articles))

        r = run_script(shard_dir, out_dir, "--workers", "2", "--bin", BIN)
        print(r.stderr.strip())
        check(r.returncode == 0, "dask_run exits 0 (got %d)" % r.returncode)

        plain_input = b"".join(open(s, "rb").read() for s in shards)
        plain = subprocess.run([BIN, "extract", "--quiet", "--format", "jsonl", "-"],
                               input=plain_input, capture_output=True)
        check(plain.returncode in (0, 1), "the plain run succeeds")
        outputs = sorted(os.listdir(out_dir))
        check(outputs == [os.path.basename(s) for s in shards],
              "one output per shard under its final name, nothing else: %s" % outputs)
        sharded = b"".join(open(os.path.join(out_dir, o), "rb").read() for o in outputs)
        check(sharded == plain.stdout, "the shards' records equal one plain run, byte for byte")
        check(sharded.count(b"\n") == n_articles, "records out = articles in")

        r = run_script(shard_dir, out_dir, "--workers", "2", "--bin", BIN, "--resume")
        check(r.returncode == 0 and "0 shards (%d skipped" % SHARDS in r.stderr,
              "--resume skips finished shards: %s" % r.stderr.strip())

        db = os.path.join(work, "records.sqlite")
        db_out = os.path.join(work, "out_db")
        r = run_script(shard_dir, db_out, "--workers", "2", "--bin", BIN, "--", "--db", "sqlite:" + db)
        print(r.stderr.strip())
        check(r.returncode == 0, "dask_run with --db exits 0 (got %d)" % r.returncode)
        with sqlite3.connect(db) as conn:
            count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        check(count == n_articles, "every record lands in the database once (%d)" % count)

        r = run_script(os.path.join(work, "missing"), out_dir, "--bin", BIN)
        check(r.returncode == 2 and "is not a directory" in r.stderr,
              "a missing shard directory is a usage error")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d checks failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
