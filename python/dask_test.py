"""Integration test: a local Dask cluster with two worker processes scans a
partitioned corpus with refrain, and the result equals `refrain scan` on
the same input."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
# Workers are separate processes: they find the modules through PYTHONPATH.
os.environ["PYTHONPATH"] = os.pathsep.join([HERE, os.environ.get("PYTHONPATH", "")])
sys.path.insert(0, HERE)

try:
    import dask.bag as db
    from distributed import Client, LocalCluster
except ImportError as e:  # pragma: no cover
    db = None
    SKIP = "python3-dask and python3-distributed are not installed (%s)" % e

import refrain  # noqa: E402


def articles():
    """The sample articles of examples/articles, many times over."""
    base = []
    for name in sorted(os.listdir("examples/articles")):
        path = os.path.join("examples/articles", name)
        if name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                base.extend(json.loads(line) for line in f if line.strip())
    for name in sorted(os.listdir("examples/articles")):
        if name.endswith(".txt"):
            with open(os.path.join("examples/articles", name), encoding="utf-8") as f:
                base.append({"id": name, "source": "File", "text": f.read()})
    return [dict(a, id="%s-%d" % (a.get("id", "x"), i)) for i in range(40) for a in base]


def key(m):
    return (m["doc_id"], m["claim_id"], m["begin"], m["end"], m["text"])


@unittest.skipIf(db is None, "dask is missing")
class DaskTest(unittest.TestCase):
    def test_cluster_result_equals_the_cli(self):
        corpus = articles()
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            bag = db.from_sequence(corpus, npartitions=6)
            mentions = refrain.scan_bag(bag, ["rules"]).compute()
            # The rules were compiled once per worker process, not per partition.
            compiled = client.run(lambda: len(refrain._ENGINES))
            self.assertEqual(sorted(compiled.values()), [1, 1])

        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for a in corpus:
                f.write(json.dumps(a) + "\n")
        cli = subprocess.run([os.path.join(HERE, "..", "engine", "cli", "refrain"), "scan",
                              "--rules=rules", f.name], capture_output=True, text=True,
                             check=True)
        expected = [json.loads(line) for line in cli.stdout.splitlines()]
        self.assertGreater(len(expected), 500)
        self.assertEqual(sorted(map(key, mentions)), sorted(map(key, expected)))


if __name__ == "__main__":
    unittest.main()
