#!/usr/bin/python3
"""Runs gigafact over a directory of JSONL shards on a Dask cluster.

    scripts/dask_run.py SHARD_DIR OUT_DIR [--scheduler HOST:PORT] [--workers N]
                        [--bin build/gigafact] [--resume] [-- EXTRACT_OPTIONS...]

Each shard (SHARD_DIR/**/*.jsonl, one article per line) is one Dask task:
a worker pipes the shard through `gigafact extract --format jsonl -` and
writes its records to OUT_DIR/<shard path>.jsonl, under that final name only
once the shard is complete (a temporary name, then an atomic rename), so an
interrupted run never leaves a truncated output that looks finished.
--resume skips shards whose output already exists.

Without --scheduler the script starts a LocalCluster of --workers processes
on this machine; with it, it uses that cluster. Workers run the binary and
read the shards by path, so on a real cluster SHARD_DIR, OUT_DIR and the
binary (with its data directory, see --data-dir) must be at the same paths
on every worker, e.g. on a shared filesystem.

Anything after `--` goes to `gigafact extract`, e.g. `-- --db postgresql://…`
to load every shard's records into one database as well (the sink is
idempotent per article, so retried shards do not double anything).

Articles should carry an "id": piped through stdin, a line without one gets
the id "-:<line>", the same in every shard.

Exit: 0 all shards done (some articles may be error records, counted in the
summary), 1 some shard failed, 2 usage error.
"""

import argparse
import os
import subprocess
import sys
import time
import uuid

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_shards(shard_dir):
    """Every *.jsonl below shard_dir, as sorted paths relative to it."""
    shards = []
    for root, dirs, files in os.walk(shard_dir):
        dirs.sort()
        for name in files:
            if name.endswith(".jsonl"):
                shards.append(os.path.relpath(os.path.join(root, name), shard_dir))
    return sorted(shards)


def run_shard(binary, shard_path, out_path, threads, extract_args):
    """Pipes one shard through gigafact and publishes its output atomically.

    Runs on a worker. Returns (shard, articles, error_records); raises with
    gigafact's own message when the binary fails (exit code 2 or more, or 1
    with --db when the database failed: see `gigafact extract --help`).
    """
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    tmp_path = "%s.tmp-%s" % (out_path, uuid.uuid4().hex)
    cmd = [binary, "extract", "--quiet", "--format", "jsonl", "--threads", str(threads),
           "-o", tmp_path] + list(extract_args) + ["-"]
    try:
        with open(shard_path, "rb") as shard:
            proc = subprocess.run(cmd, stdin=shard, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, check=False)
        errors = proc.stderr.decode("utf-8", "replace").strip()
        # With --quiet gigafact says nothing unless something went wrong:
        # exit 1 alone means some articles became error records (a complete
        # output); exit 1 with a message is a failure (say, of the database).
        if proc.returncode not in (0, 1) or errors:
            raise RuntimeError("%s: gigafact exited with %d: %s"
                               % (shard_path, proc.returncode, errors or "no message"))
        articles = error_records = 0
        with open(tmp_path, "rb") as out:
            for line in out:
                articles += 1
                # Unescaped quotes only occur in the JSON structure itself.
                error_records += b'"error":{"code":' in line
        os.replace(tmp_path, out_path)
        return shard_path, articles, error_records
    finally:
        if os.path.exists(tmp_path):
            os.remove(tmp_path)


def parse_args(argv):
    extract_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, extract_args = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(
        description="Run gigafact over JSONL shards on a Dask cluster.",
        epilog="Options after -- are passed to 'gigafact extract'.")
    p.add_argument("shard_dir", help="directory of *.jsonl shards (searched recursively)")
    p.add_argument("out_dir", help="directory for the records, one file per shard")
    p.add_argument("--scheduler", help="address of a Dask scheduler (default: a LocalCluster)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="LocalCluster worker processes (default: all cores)")
    p.add_argument("--threads", type=int, default=1,
                   help="gigafact threads per shard (default 1: one core per Dask task)")
    p.add_argument("--bin", default=os.path.join(REPO_ROOT, "build", "gigafact"),
                   help="the gigafact binary, at this path on every worker")
    p.add_argument("--resume", action="store_true",
                   help="skip shards whose output already exists")
    args = p.parse_args(argv)
    args.extract_args = extract_args
    return args


def main(argv):
    args = parse_args(argv)
    if not os.path.isdir(args.shard_dir):
        print("dask_run: %s is not a directory" % args.shard_dir, file=sys.stderr)
        return 2
    if not os.access(args.bin, os.X_OK):
        print("dask_run: no gigafact binary at %s (build it, or pass --bin)" % args.bin,
              file=sys.stderr)
        return 2
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        print("dask_run: Dask is not installed (%s); on Debian: "
              "apt-get install python3-dask python3-distributed" % e, file=sys.stderr)
        return 2

    shard_dir = os.path.abspath(args.shard_dir)
    out_dir = os.path.abspath(args.out_dir)
    binary = os.path.abspath(args.bin)
    todo = []
    for rel in find_shards(shard_dir):
        out_path = os.path.join(out_dir, rel)
        if args.resume and os.path.exists(out_path):
            continue
        todo.append((os.path.join(shard_dir, rel), out_path))

    start = time.time()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    failed = articles = error_records = 0
    try:
        futures = [client.submit(run_shard, binary, shard, out, args.threads,
                                 args.extract_args, key="gigafact-%s" % uuid.uuid4().hex,
                                 pure=False)
                   for shard, out in todo]
        for future in as_completed(futures):
            try:
                shard, n, errors = future.result()
                articles += n
                error_records += errors
            except Exception as e:  # a shard failed: report it, finish the others
                failed += 1
                print("dask_run: %s" % e, file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print("dask_run: %d shards (%d skipped, %d failed), %d records (%d error records) in %.1fs"
          % (len(todo), len(find_shards(shard_dir)) - len(todo), failed, articles,
             error_records, time.time() - start), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
