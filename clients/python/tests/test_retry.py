"""Which requests are repeated, and how long the client waits first."""

import unittest
from datetime import datetime, timezone

from arbiter.retry import (
    RetryPolicy,
    backoff,
    delay_after_status,
    is_retryable_status,
    may_repeat,
    retry_after_seconds,
)


class MayRepeat(unittest.TestCase):
    def test_idempotent_methods_are_repeated(self):
        for method in ("GET", "get", "HEAD", "PUT", "DELETE", "OPTIONS"):
            self.assertTrue(may_repeat(method, {}), method)

    def test_a_post_or_patch_only_with_an_idempotency_key(self):
        self.assertFalse(may_repeat("POST", {"Content-Type": "application/json"}))
        self.assertFalse(may_repeat("PATCH", {}))
        self.assertTrue(may_repeat("POST", {"Idempotency-Key": "k1"}))
        self.assertTrue(may_repeat("POST", {"idempotency-key": "k1"}))


class RetryableStatus(unittest.TestCase):
    def test_server_errors_and_too_many_requests(self):
        for status in (500, 502, 503, 504, 429):
            self.assertTrue(is_retryable_status(status), status)
        for status in (400, 401, 403, 404, 409, 413, 422):
            self.assertFalse(is_retryable_status(status), status)


class Backoff(unittest.TestCase):
    policy = RetryPolicy(retries=5, base_delay=0.25, max_delay=2.0)

    def test_doubles_per_attempt_with_full_jitter(self):
        self.assertEqual([backoff(a, self.policy, lambda: 1.0) for a in range(5)], [0.25, 0.5, 1.0, 2.0, 2.0])
        self.assertEqual(backoff(3, self.policy, lambda: 0.5), 1.0)
        self.assertEqual(backoff(3, self.policy, lambda: 0.0), 0.0)

    def test_retry_after_wins_over_the_curve(self):
        self.assertEqual(delay_after_status(0, self.policy, "1", lambda: 1.0), 1.0)
        self.assertEqual(delay_after_status(0, self.policy, None, lambda: 1.0), 0.25)
        self.assertEqual(delay_after_status(0, self.policy, "soon", lambda: 1.0), 0.25)

    def test_a_retry_after_beyond_the_longest_wait_ends_retrying(self):
        self.assertIsNone(delay_after_status(0, self.policy, "60"))


class RetryAfter(unittest.TestCase):
    def test_seconds_and_http_dates(self):
        now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
        self.assertEqual(retry_after_seconds("7"), 7.0)
        self.assertEqual(retry_after_seconds(" 0 "), 0.0)
        self.assertEqual(retry_after_seconds("Wed, 01 May 2024 12:00:30 GMT", now), 30.0)
        self.assertEqual(retry_after_seconds("Wed, 01 May 2024 11:00:00 GMT", now), 0.0)

    def test_absent_or_unreadable(self):
        self.assertIsNone(retry_after_seconds(None))
        self.assertIsNone(retry_after_seconds(""))
        self.assertIsNone(retry_after_seconds("later"))
        self.assertIsNone(retry_after_seconds("-5"))


if __name__ == "__main__":
    unittest.main()
