"""Checks text through smarten's LanguageTool-compatible endpoint with the real
language_tool_python client from PyPI, and prints what the client received as
JSON lines (one per match): rule id, category, the words the client marks, and
the first replacement. Usage: client.py SERVER_URL TEXT_FILE"""
import json
import sys

import language_tool_python

url, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
tool = language_tool_python.LanguageTool("en-GB", remote_server=url)
for m in tool.check(text):
    print(json.dumps({
        "rule": m.rule_id,
        "category": m.category,
        "matched": m.matched_text,
        "replacement": m.replacements[0] if m.replacements else None,
        "message": m.message,
    }, ensure_ascii=False))
tool.close()
