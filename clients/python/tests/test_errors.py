"""The API's error body becomes an ArbiterError; anything else still gives a useful one."""

import json
import unittest

from arbiter import ArbiterError


class FromResponse(unittest.TestCase):
    def test_the_api_error_shape(self):
        body = json.dumps(
            {
                "error": {
                    "code": "validation_error",
                    "message": "body.judgmentsPerItem: Too small",
                    "details": [
                        {"path": "body.judgmentsPerItem", "message": "Too small"},
                        {"path": "body.colour", "message": "is not a known field"},
                    ],
                }
            }
        ).encode()
        err = ArbiterError.from_response(400, "Bad Request", body)
        self.assertEqual((err.status, err.code), (400, "validation_error"))
        self.assertEqual(err.message, "body.judgmentsPerItem: Too small")
        self.assertEqual(err.fields, ["body.judgmentsPerItem", "body.colour"])
        self.assertEqual(str(err), "400 validation_error: body.judgmentsPerItem: Too small")

    def test_without_details(self):
        body = b'{"error":{"code":"not_found","message":"Project not found"}}'
        err = ArbiterError.from_response(404, "Not Found", body)
        self.assertEqual((err.code, err.message), ("not_found", "Project not found"))
        self.assertEqual((err.details, err.fields), (None, []))

    def test_a_proxy_page_or_an_empty_body(self):
        err = ArbiterError.from_response(502, "Bad Gateway", b"<html>upstream down</html>")
        self.assertEqual((err.status, err.code, err.message), (502, "http_502", "<html>upstream down</html>"))
        err = ArbiterError.from_response(503, "Service Unavailable", b"")
        self.assertEqual((err.code, err.message), ("http_503", "Service Unavailable"))

    def test_json_that_is_not_the_error_shape(self):
        for body in (b'{"error":"nope"}', b'{"error":{"code":1,"message":"x"}}', b"[1,2]", b"\xff\xfe"):
            err = ArbiterError.from_response(500, "Internal Server Error", body)
            self.assertEqual(err.code, "http_500", body)


if __name__ == "__main__":
    unittest.main()
