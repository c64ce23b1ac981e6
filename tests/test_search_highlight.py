"""Highlighting: what a reader sees marked in titles and snippets (search.highlight).

Pure text in, escaped HTML out; no database. Both backends show their hits through it.
"""

from __future__ import annotations

from search.highlight import SNIPPET_LENGTH, mark, matcher_for, snippet

FILLER = " ".join(["Lorem ipsum dolor sit amet."] * 30)


def marked(text: str, query: str) -> str:
    return str(mark(text, matcher_for(query)))


def test_words_are_marked_as_written_whatever_the_accents_typed():
    assert marked("Sở Lao động tỉnh", "lao dong") == "Sở <mark>Lao động</mark> tỉnh"
    assert marked("Hoà giải và THỦY lợi", "hòa thuy") == (
        "<mark>Hoà</mark> giải và <mark>THỦY</mark> lợi"
    )
    assert marked("Đại biểu", "dai bieu") == "<mark>Đại biểu</mark>"


def test_adjacent_matches_make_one_mark_and_common_words_stay_plain():
    assert marked("Chính sách bảo trợ xã hội", "bảo trợ xã hội") == (
        "Chính sách <mark>bảo trợ xã hội</mark>"
    )
    # "và" alone is noise: the words around it are marked, not it.
    assert marked("Bảo trợ và xã hội", "bảo trợ và xã hội") == (
        "<mark>Bảo trợ</mark> và <mark>xã hội</mark>"
    )
    assert marked("Vợ và chồng", "và") == "Vợ <mark>và</mark> chồng"  # unless it is the query


def test_everything_else_is_escaped():
    html = marked('<script>alert("bảo trợ")</script> & <b>', "bao tro")
    assert html == (
        "&lt;script&gt;alert(&quot;<mark>bảo trợ</mark>&quot;)&lt;/script&gt; &amp; &lt;b&gt;"
    )
    assert str(snippet(["<img src=x onerror=alert(1)>"], matcher_for("x"))) == (
        "&lt;img src=<mark>x</mark> onerror=alert(1)&gt;"
    )


def test_abbreviations_are_marked_for_their_full_form_and_the_reverse():
    assert marked("UBND tỉnh chỉ đạo", "uy ban nhan dan") == "<mark>UBND</mark> tỉnh chỉ đạo"
    assert marked("Ủy ban nhân dân tỉnh", "UBND") == "<mark>Ủy ban nhân dân</mark> tỉnh"
    # Written in parts, an abbreviation is one mark, whichever spelling was typed.
    for query in ("lao dong thuong binh va xa hoi", "LĐTBXH", "LĐ-TB&XH"):
        assert marked("Sở LĐ-TB&XH báo cáo", query) == "Sở <mark>LĐ-TB&amp;XH</mark> báo cáo"
    assert marked("Ban VH-XH HĐND tỉnh", "văn hóa xã hội") == "Ban <mark>VH-XH</mark> HĐND tỉnh"
    # Part of a full form is not the abbreviation.
    assert marked("Ban VH-XH", "xa hoi") == "Ban VH-XH"


def test_a_typed_abbreviation_is_marked_only_whole_never_its_single_words():
    text = "Ủy ban nhân dân tỉnh, Ủy ban bầu cử, Ban Dân vận, bản đồ, Ủy viên và nhân dân"
    assert marked(text, "UBND") == (
        "<mark>Ủy ban nhân dân</mark> tỉnh, Ủy ban bầu cử, Ban Dân vận, bản đồ, Ủy viên và nhân dân"
    )
    assert marked("UBND huyện; Ban dân vận huyện", "ubnd huyện") == (
        "<mark>UBND huyện</mark>; Ban dân vận <mark>huyện</mark>"
    )
    # A word the query also has on its own is still marked on its own.
    assert marked("UBND tỉnh ban hành; Ban dân vận", "UBND ban hành") == (
        "<mark>UBND</mark> tỉnh <mark>ban hành</mark>; <mark>Ban</mark> dân vận"
    )
    assert marked("Sở Lao động - Thương binh và Xã hội; hội nghị", "LĐTBXH") == (
        "Sở <mark>Lao động - Thương binh và Xã hội</mark>; hội nghị"
    )


def test_the_snippet_of_a_typed_abbreviation_shows_its_full_form_not_a_lone_syllable():
    body = "Ban Dân vận gặp nhân dân. " * 20 + "Ủy ban nhân dân tỉnh kết luận."
    html = str(snippet(["Ban Dân vận họp với nhân dân.", body], matcher_for("UBND")))
    assert "<mark>Ủy ban nhân dân</mark> tỉnh kết luận" in html
    assert html.count("<mark>") == 1


def test_numbers_and_dates_are_marked_in_either_spelling():
    text = "Chi 8.712 triệu đồng đến ngày 30/06/2020, đạt 12,5%."
    assert marked(text, "8712 30/6/2020 12,5") == (
        "Chi <mark>8.712</mark> triệu đồng đến ngày <mark>30/06/2020</mark>, "
        "đạt <mark>12,5%</mark>."
    )
    assert marked("Năm 2020 và năm 2021", "2021") == "Năm 2020 và năm <mark>2021</mark>"


def test_the_snippet_is_the_window_around_the_matches_with_ellipses():
    text = f"{FILLER} Giám sát chính sách bảo trợ xã hội tại Sìn Hồ. {FILLER}"
    html = str(snippet([text], matcher_for("bảo trợ xã hội")))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>bảo trợ xã hội</mark>" in html
    plain = html.replace("<mark>", "").replace("</mark>", "")
    assert len(plain) <= SNIPPET_LENGTH + 4
    # Words are never cut: the window starts and ends at spaces.
    assert plain[2:].split(" ")[0] in text.split(" ")
    assert plain[:-2].split(" ")[-1] in text.split(" ")


def test_the_snippet_comes_from_the_text_matching_most_words():
    texts = ["Tóm tắt có bảo trợ.", "Nội dung có bảo trợ xã hội đầy đủ."]
    assert str(snippet(texts, matcher_for("bảo trợ xã hội"))) == (
        "Nội dung có <mark>bảo trợ xã hội</mark> đầy đủ."
    )
    # On a tie the first text wins (the summary before the body).
    texts = ["Tóm tắt nói về bảo trợ.", "Nội dung nói về bảo trợ."]
    assert str(snippet(texts, matcher_for("bảo trợ"))) == "Tóm tắt nói về <mark>bảo trợ</mark>."


def test_no_match_shows_the_beginning_of_the_first_text():
    texts = ["", "Không liên quan gì cả. " * 30]
    html = str(snippet(texts, matcher_for("bảo trợ")))
    assert html.startswith("Không liên quan") and html.endswith(" …")
    assert "<mark>" not in html and len(html) <= SNIPPET_LENGTH + 2
    assert str(snippet(["", None], matcher_for("bảo trợ"))) == ""
    assert str(snippet(["Ngắn gọn."], matcher_for(""))) == "Ngắn gọn."


def test_text_is_read_with_its_spaces_collapsed():
    html = str(snippet(["Chính   sách\n\nbảo trợ\txã hội"], matcher_for("bảo trợ xã hội")))
    assert html == "Chính sách <mark>bảo trợ xã hội</mark>"


def test_a_phrase_is_marked_where_its_words_are_side_by_side_only():
    text = "Đối tượng bảo trợ xã hội; mô hình xã hội, bảo trợ."
    assert marked(text, '"xã hội bảo trợ"') == (
        "Đối tượng bảo trợ xã hội; mô hình <mark>xã hội, bảo trợ</mark>."
    )
    assert marked(text, "“xa hoi bao tro” đối tượng") == (
        "<mark>Đối tượng</mark> bảo trợ xã hội; mô hình <mark>xã hội, bảo trợ</mark>."
    )
    # The abbreviation of a quoted full form, not the same abbreviation elsewhere.
    assert marked("UBND tỉnh và UBND huyện", '"Ủy ban nhân dân tỉnh"') == (
        "<mark>UBND tỉnh</mark> và UBND huyện"
    )


def test_a_date_is_marked_in_every_spelling_and_its_parts_alone_are_not():
    text = "Ngày 30/06/2021 và 30 tháng 6 năm 2021; tổ 30 có 6 hộ; 6 tháng đầu năm."
    assert marked(text, "30/6") == (
        "Ngày <mark>30/06/2021</mark> và <mark>30 tháng 6</mark> năm 2021; tổ 30 có 6 hộ; "
        "6 tháng đầu năm."
    )
    assert marked(text, "tháng 6") == (
        "Ngày <mark>30/06/2021</mark> và 30 <mark>tháng 6</mark> năm 2021; tổ 30 có 6 hộ; "
        "6 tháng đầu năm."
    )
    assert marked("Nghị quyết số 05/2021/NQ-HĐND của HĐND", "05/2021/NQ-HĐND") == (
        "Nghị quyết số <mark>05/2021/NQ-HĐND</mark> của HĐND"
    )
