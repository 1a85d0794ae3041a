"""The client against the real API, worker and model-server stand-in (started by the runner)."""

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from api_support import MODEL_SERVER_URL, URL, Annotator, admin, raw_download, require_stack, unique

from arbiter import Arbiter, ArbiterError, ImportResult


def setUpModule():
    require_stack()


class Errors(unittest.TestCase):
    def test_a_wrong_api_key_is_401(self):
        with self.assertRaises(ArbiterError) as caught:
            next(Arbiter(URL, "arb_not-a-real-key").projects())
        self.assertEqual(caught.exception.status, 401)
        self.assertTrue(caught.exception.code)

    def test_an_unknown_project_is_404(self):
        with self.assertRaises(ArbiterError) as caught:
            admin().project("00000000-0000-4000-8000-000000000000")
        self.assertEqual((caught.exception.status, caught.exception.code), (404, "not_found"))

    def test_a_bad_body_is_400_naming_each_field(self):
        with self.assertRaises(ArbiterError) as caught:
            admin().create_project(unique("Typo"), judgments_per_item=0, colour="red")
        err = caught.exception
        self.assertEqual((err.status, err.code), (400, "validation_error"))
        self.assertIn("body.judgmentsPerItem", err.fields)
        self.assertIn("body.colour", err.fields)
        self.assertIsInstance(err.details, list)


class Projects(unittest.TestCase):
    def test_create_read_and_page_through(self):
        arbiter = admin()
        made = [
            arbiter.create_project(unique("Paged"), guidelines="Pick the better answer.") for _ in range(3)
        ]
        self.assertEqual(made[0].task_type, "pairwise")
        self.assertEqual(made[0].guidelines, "Pick the better answer.")
        again = arbiter.project(made[0].id)
        self.assertEqual((again.id, again.name, again.my_role), (made[0].id, made[0].name, "OWNER"))
        seen = [p.id for p in arbiter.projects(page_size=1)]
        self.assertEqual(len(seen), len(set(seen)))
        self.assertTrue({p.id for p in made} <= set(seen))


class Imports(unittest.TestCase):
    def test_prompts_in_chunks_with_refusals_by_position(self):
        project = admin().create_project(unique("Imports"))
        prompts = [
            "Why is the sea salty?",
            [
                {"role": "system", "content": "Answer briefly."},
                {"role": "user", "content": "What is a tide?"},
            ],
            {"text": "Both", "messages": [{"role": "user", "content": "Both"}]},
            {"externalId": "q-4", "text": "Name three clouds.", "metadata": {"source": "tests"}},
            {"prompt": "not a field of the import"},
        ]
        result = project.import_prompts(iter(prompts), chunk_size=2)
        self.assertEqual((result.lines, result.imported, result.duplicates, result.rejected), (5, 3, 0, 2))
        self.assertEqual([r.line for r in result.refusals], [3, 5])
        self.assertIn("exactly one of messages or text", result.refusals[0].reason)
        self.assertFalse(result.ok)
        counts = project.refresh().counts
        assert counts is not None
        self.assertEqual(counts.prompts, 3)

        again = project.import_prompts(["Why is the sea salty?", "A new one"], dry_run=True)
        self.assertEqual(again, ImportResult(lines=2, imported=1, duplicates=1, rejected=0, dry_run=True))
        self.assertEqual(len(list(project.prompts(page_size=2))), 3)

    def test_completions_and_items_built_from_them(self):
        project = admin().create_project(unique("Completions"))
        project.import_prompts([{"externalId": f"p{i}", "text": f"Prompt {i}"} for i in range(3)])
        completions = [
            {"promptExternalId": f"p{i}", "model": model, "text": f"{model} answers {i}"}
            for i in range(3)
            for model in ("model-a", "model-b")
        ]
        completions.append({"promptExternalId": "nope", "model": "model-a", "text": "orphan"})
        result = project.import_completions(completions)
        self.assertEqual((result.imported, result.rejected), (6, 1))
        self.assertEqual(result.refusals[0].line, 7)
        built = project.build_items()
        self.assertEqual((built.created, built.prompts), (3, 3))
        self.assertEqual(project.build_items().created, 0)


class Pipeline(unittest.TestCase):
    """Prompts in, completions generated, items judged, a TRL export out."""

    @classmethod
    def setUpClass(cls):
        arbiter = admin()
        pool = arbiter.request("POST", "/api/v1/pools", json={"name": unique("Pool")})["pool"]
        cls.annotator = Annotator(arbiter, pool["id"])
        cls.project = arbiter.create_project(
            unique("Pipeline"), judgments_per_item=1, pool_ids=[pool["id"]], questions={"strength": False}
        )
        cls.imported = cls.project.import_prompts([f"Question {i}: why is the sky blue?" for i in range(6)])
        params = {"max_tokens": 24}
        small = cls.project.add_generator("small", MODEL_SERVER_URL, "arbiter-small", params=params)
        cls.project.add_generator("large", MODEL_SERVER_URL, "arbiter-large", params=params)
        cls.seen = []
        # Generators by object and by name.
        cls.generation = cls.project.generate(
            [small, "large"], samples=1, on_progress=cls.seen.append, timeout=180
        )
        cls.built = cls.project.build_items(run=cls.generation)
        cls.before = cls.project.progress()
        cls.answered = cls.annotator.judge_all(cls.project.id)
        cls.export = cls.project.export("trl", split="train=0.5,test=0.5", timeout=180)

    def test_prompts_were_imported(self):
        self.assertEqual((self.imported.imported, self.imported.refusals), (6, []))

    def test_generation_waited_for_every_sample(self):
        self.assertEqual(self.generation.status, "SUCCEEDED")
        self.assertEqual((self.generation.total, self.generation.done, self.generation.failed), (12, 12, 0))
        self.assertGreaterEqual(len(self.seen), 1)
        self.assertEqual(self.seen[-1].status, "SUCCEEDED")
        self.assertEqual(self.built.created, 6)

    def test_progress(self):
        self.assertEqual((self.before.items_total, self.before.items_complete), (6, 0))
        self.assertEqual(self.before.remaining_judgments, 6)
        after = self.project.progress()
        self.assertEqual(self.answered, 6)
        self.assertEqual((after.items_complete, after.remaining_judgments, after.judgments), (6, 0, 6))
        self.assertEqual(after.fraction_complete, 1.0)

    def test_export_rows_are_the_files_the_api_serves(self):
        export = self.export
        self.assertEqual((export.status, export.format, export.row_count), ("SUCCEEDED", "trl", 6))
        self.assertEqual(sorted(export.splits), ["test", "train"])
        total = 0
        for split in ("train", "test"):
            entry = next(f for f in export.files if f.split == split)
            served = gzip.decompress(raw_download(export.id, entry.name)).decode()
            expected = [json.loads(line) for line in served.splitlines() if line]
            rows = list(export.rows(split))
            self.assertEqual(rows, expected)
            total += len(rows)
        self.assertEqual(total, 6)
        row = next(iter(list(export.rows("train")) + list(export.rows("test"))))
        self.assertEqual(set(row), {"prompt", "chosen", "rejected"})

    def test_an_unknown_split(self):
        with self.assertRaisesRegex(ValueError, "no split 'validation'"):
            next(self.export.rows("validation"))

    def test_download_checks_every_file_against_the_manifest(self):
        manifest = self.export.manifest()
        with tempfile.TemporaryDirectory() as tmp:
            paths = self.export.download(tmp)
            expected = [f["name"] for f in manifest["files"]] + ["manifest.json"]
            self.assertEqual(sorted(p.name for p in paths), sorted(expected))
            for entry in manifest["files"]:
                data = Path(tmp, entry["name"]).read_bytes()
                self.assertEqual(hashlib.sha256(data).hexdigest(), entry["sha256"])
            served = raw_download(self.export.id, "manifest.json")
            self.assertEqual(Path(tmp, "manifest.json").read_bytes(), served)
            # A damaged file is fetched again rather than trusted.
            train = Path(tmp, next(f.name for f in self.export.files if f.split == "train"))
            train.write_bytes(b"damaged")
            self.export.download(tmp)
            self.assertNotEqual(train.read_bytes(), b"damaged")

    def test_the_export_is_listed_and_readable_by_id(self):
        self.assertIn(self.export.id, [e.id for e in self.project.exports()])
        again = admin().export(self.export.id)
        self.assertEqual(again.files, self.export.files)

    def test_rows_from_the_command_line(self):
        env = {**os.environ, "ARBITER_URL": URL, "ARBITER_API_KEY": os.environ["ARBITER_TEST_API_KEY"]}
        out = subprocess.run(
            [sys.executable, "-m", "arbiter", "rows", "--export", self.export.id, "--split", "train"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        printed = [json.loads(line) for line in out.stdout.splitlines()]
        self.assertEqual(printed, list(self.export.rows("train")))
        missing = subprocess.run(
            [sys.executable, "-m", "arbiter", "rows", "--export", "00000000-0000-4000-8000-000000000000"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(missing.returncode, 1)
        self.assertIn("404 not_found", missing.stderr)


if __name__ == "__main__":
    unittest.main()
