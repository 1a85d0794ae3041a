"""What the client sends: import records, chunks, multipart bodies, field names, splits."""

import json
import unittest
from datetime import datetime, timezone

from arbiter.fields import camel, camel_fields, timestamp
from arbiter.imports import chunks, jsonl, multipart_file, prompt_line
from arbiter.models import ImportResult, Refusal
from arbiter.project import parse_splits


class PromptLine(unittest.TestCase):
    def test_strings_message_lists_and_records(self):
        self.assertEqual(prompt_line("Why is the sea salty?", 1), {"text": "Why is the sea salty?"})
        messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
        self.assertEqual(prompt_line(messages, 2), {"messages": messages})
        self.assertEqual(prompt_line(tuple(messages), 3), {"messages": messages})
        record = {"externalId": "q-1", "text": "Hi", "metadata": {"source": "hh"}}
        self.assertEqual(prompt_line(record, 4), record)

    def test_anything_else_is_a_type_error_naming_its_position(self):
        for value in (42, None, b"bytes"):
            with self.assertRaisesRegex(TypeError, "prompt 7"):
                prompt_line(value, 7)  # type: ignore[arg-type]


class Chunks(unittest.TestCase):
    def test_one_record_per_line_even_with_line_breaks_inside(self):
        lines = list(jsonl([{"text": "one\ntwo\r\nthree\u2028four"}, {"text": "é"}]))
        self.assertEqual(len(lines), 2)
        for line in lines:
            self.assertEqual(line.count(b"\n"), 1)
            self.assertTrue(line.endswith(b"\n"))
        self.assertEqual(json.loads(lines[1]), {"text": "é"})

    def test_by_count_and_by_bytes(self):
        lines = [b"x" * 10 + b"\n"] * 7
        self.assertEqual([len(c) for c in chunks(lines, 3)], [3, 3, 1])
        self.assertEqual([len(c) for c in chunks(lines, 100, max_bytes=25)], [2, 2, 2, 1])
        self.assertEqual([len(c) for c in chunks([b"y" * 100], 10, max_bytes=25)], [1])
        self.assertEqual(list(chunks([], 10)), [])

    def test_lazy(self):
        def endless():
            while True:
                yield b"{}\n"

        first = next(chunks(endless(), 5))
        self.assertEqual(len(first), 5)


class Refusals(unittest.TestCase):
    def test_line_numbers_count_from_the_start_of_the_input(self):
        result = ImportResult()
        rejects = [{"line": 2, "reason": "bad"}]
        chunk = {"lines": 3, "imported": 2, "duplicates": 0, "rejected": 1, "rejects": rejects}
        result.add_chunk(chunk, first_line=1)
        result.add_chunk(chunk, first_line=4)
        self.assertEqual((result.lines, result.imported, result.rejected), (6, 4, 2))
        self.assertEqual(result.refusals, [Refusal(2, "bad"), Refusal(5, "bad")])
        self.assertFalse(result.ok)


class Multipart(unittest.TestCase):
    def test_one_file_field(self):
        body, content_type = multipart_file("file", "records.jsonl", b'{"text":"hi"}\n')
        boundary = content_type.split("boundary=")[1]
        self.assertTrue(content_type.startswith("multipart/form-data; "))
        self.assertTrue(body.startswith(f"--{boundary}\r\n".encode()))
        self.assertIn(b'name="file"; filename="records.jsonl"', body)
        self.assertIn(b'\r\n\r\n{"text":"hi"}\n\r\n', body)
        self.assertTrue(body.endswith(f"\r\n--{boundary}--\r\n".encode()))


class Fields(unittest.TestCase):
    def test_snake_case_keywords_become_the_api_names(self):
        self.assertEqual(camel("judgments_per_item"), "judgmentsPerItem")
        self.assertEqual(camel("format"), "format")
        self.assertEqual(camel("from_"), "from")
        self.assertEqual(
            camel_fields({"min_agreement": 0.7, "include": {"group_id": True}}),
            {"minAgreement": 0.7, "include": {"group_id": True}},
        )

    def test_timestamps(self):
        at = timestamp("2024-05-01T12:00:00.123Z")
        self.assertEqual(at, datetime(2024, 5, 1, 12, 0, 0, 123000, tzinfo=timezone.utc))
        self.assertIsNone(timestamp(None))


class Splits(unittest.TestCase):
    def test_the_cli_form_and_mappings(self):
        self.assertEqual(parse_splits("train=0.9,test=0.1"), {"train": 0.9, "test": 0.1})
        self.assertEqual(parse_splits(" train = 1 "), {"train": 1.0})
        self.assertEqual(parse_splits({"train": 0.5, "test": 0.5}), {"train": 0.5, "test": 0.5})

    def test_malformed(self):
        for bad in ("train", "train=most", "train=0.9;test=0.1"):
            with self.assertRaisesRegex(ValueError, "name=fraction"):
                parse_splits(bad)


if __name__ == "__main__":
    unittest.main()
