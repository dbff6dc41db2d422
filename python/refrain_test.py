"""Tests of the Python bindings (python/refrain_module.cc), under Debian's python3."""
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))
import _refrain  # noqa: E402  (the extension module built next to this file)


class EngineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = _refrain.Engine(["rules"])

    def test_scans_and_returns_dicts_with_original_offsets(self):
        text = "Intro. China is Viet Nam\u2019s biggest trade partner."
        [m] = self.engine.scan(text, id="d1", source="Lotus Wire", date="2025-04")
        self.assertEqual(m["claim_id"], "largest_trading_partner")
        self.assertEqual(m["slots"]["rank"], "biggest")
        self.assertEqual(m["source"], "Lotus Wire")
        raw = text.encode("utf-8")
        self.assertEqual(raw[m["begin"]:m["end"]].decode("utf-8"), m["text"])
        # Every field of the Mention record, pattern_index included.
        self.assertEqual(m["pattern_index"], 0)
        self.assertEqual(m["rule_set"], "china_vietnam")
        self.assertEqual(len(m["rule_set_fingerprint"]), 16)
        self.assertEqual(set(m), {
            "claim_id", "doc_id", "source", "date", "begin", "end", "text",
            "sentence", "sentence_begin", "slots", "rule_set",
            "rule_set_fingerprint", "pattern_index"})

    def test_lists_claims(self):
        self.assertIn("comrades_and_brothers", self.engine.claim_ids())
        self.assertEqual(len(self.engine.claim_ids()), 12)

    def test_rule_errors_raise_value_error_with_places(self):
        with self.assertRaises(ValueError) as caught:
            _refrain.Engine(["tests/testdata/rules/broken/semantic_errors.textproto"])
        message = str(caught.exception)
        self.assertIn(
            "semantic_errors.textproto:10:52: error: claim 'undefined_lexicon': "
            "undefined lexicon {VIETAM}", message)
        self.assertIn("14 errors in rule files", message)
        # Python users see the library's messages, without the CLI's flags
        # and commands.
        self.assertIn("memory budget of 8388608 bytes; split it", message)
        self.assertIn("`counterexample` sentences\n", message)
        self.assertNotIn("--", message)
        self.assertNotIn("`refrain ", message)

    def test_threads_share_one_engine(self):
        results = []

        def work():
            results.append(len(self.engine.scan("They are comrades and brothers.")))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [1] * 8)


if __name__ == "__main__":
    unittest.main()
