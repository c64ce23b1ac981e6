"""Titles and the slugs both the server and the admin's browser must make of them.

Shared by tests/test_slugs.py and the browser agreement test (tests/browser/test_admin_slugs.py).
"""

TITLE = "Đoàn giám sát HĐND tỉnh kiểm tra công trình thủy lợi Nậm Ban"
EXPECTED = "doan-giam-sat-hdnd-tinh-kiem-tra-cong-trinh-thuy-loi-nam-ban"
# Shared with the browser agreement test: (title, slug both sides must produce).
TRICKY_TITLES = [
    (TITLE, EXPECTED),
    ("Ưu tiên nguồn lực", "uu-tien-nguon-luc"),
    ("Đắk Lắk", "dak-lak"),
    ("Nghị quyết số 15/2020/NQ-HĐND", "nghi-quyet-so-15-2020-nq-hdnd"),
    ("ưỡ", "uo"),
    ("Kỳ họp  thứ   mười sáu", "ky-hop-thu-muoi-sau"),
    ("«Giám sát» – chuyên đề!", "giam-sat-chuyen-de"),
    ("...Thủy lợi, thủy điện?!", "thuy-loi-thuy-dien"),
    ("ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XV", "dai-hoi-dang-bo-tinh-lan-thu-xv"),
    # Decomposed (NFD) input, as some Windows keyboards type it: same slug as precomposed.
    ("Ho\u0302\u0323i đo\u0302\u0300ng", "hoi-dong"),
    ("Quỹ bảo trợ trẻ em_2024 (đợt 2)", "quy-bao-tro-tre-em-2024-dot-2"),
]
