"""Inputs built to make the extraction's patterns backtrack: long runs of one construction.

About 200 KB each (an article body is at most a few tens). The tests check that each is
extracted and gives bounded fields; `bench/extraction_hostile.py` prints how long each takes,
since a test may not assert wall-clock time.
"""

HOSTILE = {
    "parentheses": "(" * 200_000,
    "closing": "03 huyện (" + "Tam Đường, " * 18_000,
    "digits": "1" * 200_000,
    "dotted digits": "1." * 100_000,
    "comma digits": "1,2" * 66_000,
    "head intros": "đồng chí " * 22_000,
    "names": "đồng chí " + "Vũ " * 66_000,
    "committees": "Ban Văn hóa-" * 16_000,
    "agency chain": "tại Sở Y tế, " * 15_000,
    "cut-offs": "Tính đến " * 22_000,
    "dates": "31/02/2020 " * 18_000,
    "spaces": " " * 200_000,
    "newlines": "\n" * 200_000,
    "tags": "<p><script>" * 18_000,
    "unclosed tag": "<" + "a" * 200_000,
    "requests": "Kết luận, đề nghị " + "a; " * 66_000,
    "words": "giám sát việc " + "xã hội " * 28_000,
    "controls": "".join(chr(i % 32) for i in range(200_000)),
    "districts": "huyện " * 33_000,
    "bare agencies": "tại Sở " * 28_000,
    "subjects": "về việc " * 25_000,
    "dotted groups": "1.000" * 40_000,
    "relative dates": "Sáng nay (" * 20_000,
    "heads": "đồng chí Vũ Thị Huyền, Trưởng " * 6_000,
    "percent": "100% " * 40_000,
}
