"""SHA-256 checks against the manifest, over a stream and over files on disk."""

import hashlib
import io
import tempfile
import unittest
from pathlib import Path

from arbiter import ChecksumError
from arbiter.checksum import VerifyingReader, file_sha256, matches

DATA = b'{"prompt":"p","chosen":"a","rejected":"b"}\n' * 1000
SHA = hashlib.sha256(DATA).hexdigest()


class Reader(unittest.TestCase):
    def test_passes_the_bytes_through_and_accepts_a_match(self):
        reader = VerifyingReader(io.BytesIO(DATA), "train.jsonl", SHA, len(DATA))
        self.assertEqual(reader.read(10), DATA[:10])
        self.assertEqual(reader.read(), DATA[10:])
        reader.verify()

    def test_verify_reads_what_the_consumer_left(self):
        reader = VerifyingReader(io.BytesIO(DATA), "train.jsonl", SHA.upper(), len(DATA))
        reader.read(5)
        reader.verify()

    def test_refuses_changed_bytes(self):
        changed = DATA.replace(b'"a"', b'"b"', 1)
        reader = VerifyingReader(io.BytesIO(changed), "train.jsonl", SHA, len(DATA))
        with self.assertRaises(ChecksumError) as caught:
            reader.verify()
        self.assertEqual(caught.exception.name, "train.jsonl")
        self.assertEqual(caught.exception.expected, SHA)
        self.assertEqual(caught.exception.actual, hashlib.sha256(changed).hexdigest())

    def test_refuses_a_truncated_file(self):
        reader = VerifyingReader(io.BytesIO(DATA[:-1]), "train.jsonl", SHA, len(DATA))
        with self.assertRaisesRegex(ChecksumError, f"over {len(DATA) - 1} bytes"):
            reader.verify()


class OnDisk(unittest.TestCase):
    def test_file_sha256_and_matches(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "train.jsonl")
            path.write_bytes(DATA)
            self.assertEqual(file_sha256(path), (SHA, len(DATA)))
            self.assertTrue(matches(path, SHA, len(DATA)))
            self.assertFalse(matches(path, SHA, len(DATA) + 1))
            self.assertFalse(matches(path, "0" * 64, len(DATA)))
            self.assertFalse(matches(Path(tmp, "absent"), SHA, len(DATA)))


if __name__ == "__main__":
    unittest.main()
