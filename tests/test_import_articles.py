"""manage.py import_articles: the old portal's JSONL export into news sections."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from core.cache import content_generation
from core.text.slugs import vietnamese_slug
from news.importer import import_articles
from news.importer.bodies import canonical_rich_text, plain_text_to_html
from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import ImageFactory, make_article, make_section

COUNCIL = "Tin tức hoạt động/Hội đồng nhân dân tỉnh"


def article(n: int = 1, **fields) -> dict:
    data = {
        "title": f"Thường trực HĐND tỉnh họp phiên thường kỳ số {n}",
        "body": f"Đoạn thứ nhất của bài {n}.\n\nĐoạn thứ hai của bài {n}.",
        "published": "2020-10-27T08:18:57+07:00",
        "summary": f"Sapo bài {n}",
        "author": "Minh Châu",
        "source_url": f"https://hdnd.gialai.gov.vn/Tin-tuc/{n}.aspx",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


class Result:
    def __init__(self, stdout: str, stderr: str, error: CommandError | None):
        self.stdout, self.stderr, self.error = stdout, stderr, error

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("dòng ")]


@pytest.fixture
def run(tmp_path):
    """Write lines (dicts become JSON, strings go as they are) and run the command."""
    counter = iter(range(1000))

    def run_import(lines, *args, raw: bytes | None = None) -> Result:
        path = tmp_path / f"import-{next(counter)}.jsonl"
        if raw is None:
            text = "\n".join(
                line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                for line in lines
            )
            raw = (text + "\n").encode("utf-8")
        path.write_bytes(raw)
        stdout, stderr = io.StringIO(), io.StringIO()
        error = None
        try:
            call_command("import_articles", str(path), *args, stdout=stdout, stderr=stderr)
        except CommandError as caught:
            error = caught
        return Result(stdout.getvalue(), stderr.getvalue(), error)

    return run_import


def local(*parts: int) -> datetime:
    return timezone.make_aware(datetime(*parts))


def tree_problems() -> list:
    return [list(found) for found in Page.find_problems() if found]


# --- creating articles -------------------------------------------------------------


def test_good_lines_create_published_articles_in_created_sections(run, home):
    result = run(
        [
            article(1, section=COUNCIL, image_caption="Quang cảnh phiên họp"),
            article(2, section="Kỳ họp/Kỳ họp thứ 16", author=None, summary=None),
        ],
        "--publish",
        "--create-sections",
    )
    assert result.error is None, result.stderr
    assert "Đã tạo 2, cập nhật 0, không đổi 0, lỗi 0." in result.stdout

    news = NewsIndexPage.objects.get(title="Tin tức hoạt động")
    council = NewsIndexPage.objects.get(title="Hội đồng nhân dân tỉnh")
    assert news.get_parent().specific == home
    assert council.get_parent().pk == news.pk
    assert (news.slug, council.slug) == ("tin-tuc-hoat-dong", "hoi-dong-nhan-dan-tinh")
    assert news.live and council.live and council.latest_revision is not None

    first = NewsArticlePage.objects.get(source_url="https://hdnd.gialai.gov.vn/Tin-tuc/1.aspx")
    assert first.get_parent().pk == council.pk
    assert first.title == "Thường trực HĐND tỉnh họp phiên thường kỳ số 1"
    assert first.slug == "thuong-truc-hdnd-tinh-hop-phien-thuong-ky-so-1"
    assert first.summary == "Sapo bài 1"
    assert first.author == "Minh Châu"
    assert first.lead_image_caption == "Quang cảnh phiên họp"
    assert first.url_path == "/trang-chu/tin-tuc-hoat-dong/hoi-dong-nhan-dan-tinh/" + (
        "thuong-truc-hdnd-tinh-hop-phien-thuong-ky-so-1/"
    )
    instant = local(2020, 10, 27, 8, 18, 57)
    assert first.published_at == first.first_published_at == first.last_published_at == instant
    assert first.live and not first.has_unpublished_changes
    assert first.live_revision_id == first.latest_revision_id is not None

    second = NewsArticlePage.objects.get(source_url="https://hdnd.gialai.gov.vn/Tin-tuc/2.aspx")
    assert second.get_parent().title == "Kỳ họp thứ 16"
    assert second.get_parent().slug == "ky-hop-thu-16"
    assert (second.author, second.summary) == ("", "")
    assert tree_problems() == []


def test_legacy_vietnamese_dates_keep_their_instant(run, sections):
    run(
        [
            article(1, published="20/11/2020 8:26:03 CH"),
            article(2, published="27/10/2020 8:18:57 SA"),
            article(3, published="01/01/2021 12:05:00 SA"),
            article(4, published="2020-11-20T13:26:03Z"),
        ],
        "--publish",
        "--section",
        COUNCIL,
    )
    dates = dict(NewsArticlePage.objects.values_list("title", "first_published_at"))
    published = dict(NewsArticlePage.objects.values_list("title", "published_at"))
    assert dates == published
    title = "Thường trực HĐND tỉnh họp phiên thường kỳ số {}".format
    assert dates[title(1)] == local(2020, 11, 20, 20, 26, 3)
    assert dates[title(2)] == local(2020, 10, 27, 8, 18, 57)
    assert dates[title(3)] == local(2021, 1, 1, 0, 5, 0)
    assert dates[title(4)] == local(2020, 11, 20, 20, 26, 3)  # 13:26 UTC is 20:26 in Vietnam


def test_html_body_is_sanitised_to_the_editor_features(run, sections):
    body = (
        '<div class="noidung"><p style="color:red" onclick="steal()">Kỳ họp <b>thứ 16</b> '
        'thông qua <a href="https://hdnd.gialai.gov.vn/nq" onclick="x()">25 nghị quyết</a>'
        '<script>alert("xss")</script><style>p{display:none}</style></p>'
        '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">bấm</a>'
        "<p><strong>Đậm</strong> và <em>nghiêng</em> <u>gạch</u><img src=x onerror=alert(1)></p>"
        "<h1>Tiêu đề lớn</h1><table><tr><td>Ô một</td><td>Ô hai</td></tr></table>"
        "<p>chưa đóng<p>đoạn sau</div>"
    )
    result = run([article(1, body=body)], "--publish", "--section", COUNCIL)
    assert result.error is None, result.stderr
    page = NewsArticlePage.objects.get()
    assert [block.block_type for block in page.body] == ["paragraph"]
    html = page.body[0].value.source
    for forbidden in ("<script", "alert", "onclick", "onerror", "style", "iframe", "javascript"):
        assert forbidden not in html
    assert "<p>Kỳ họp <b>thứ 16</b> thông qua " in html
    assert '<a href="https://hdnd.gialai.gov.vn/nq">25 nghị quyết</a>' in html
    assert "<b>Đậm</b> và <i>nghiêng</i> gạch" in html
    assert "<h2>Tiêu đề lớn</h2>" in html
    assert "<p>Ô một Ô hai</p>" in html
    assert "<p>chưa đóng</p><p>đoạn sau</p>" in html
    assert "data-block-key" not in html


def test_plain_text_body_becomes_paragraphs(run, sections):
    body = "Dòng một\r\ncòn tiếp.\r\n\r\n\r\n  Đoạn hai có <dấu> & ký hiệu  \n\n   \n\nĐoạn ba"
    run([article(1, body=body)], "--section", COUNCIL)
    html = NewsArticlePage.objects.get().body[0].value.source
    assert html == (
        "<p>Dòng một<br/>còn tiếp.</p><p>Đoạn hai có &lt;dấu&gt; &amp; ký hiệu</p><p>Đoạn ba</p>"
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aăâđ ÊỎ\t\n\r<>&\"'x.\f\v\u00a0\u2028\x85"), max_size=60))
def test_plain_text_html_is_already_what_the_editor_converter_writes(text):
    html = plain_text_to_html(text)
    assert canonical_rich_text(html) == html


def test_ascii_slugs_drop_vietnamese_diacritics():
    assert vietnamese_slug("Đoàn ĐBQH tỉnh Gia Lai", "x") == "doan-dbqh-tinh-gia-lai"
    assert vietnamese_slug("Hội đồng nhân dân tỉnh", "x") == "hoi-dong-nhan-dan-tinh"
    assert vietnamese_slug("!!!", "chuyen-muc") == "chuyen-muc"
    assert len(vietnamese_slug("Kỳ họp " * 40, "x")) <= 80


# --- bad lines ---------------------------------------------------------------------


def test_bad_lines_are_reported_with_their_numbers_and_skipped(run, sections):
    lines = [
        article(1),  # 1
        "{ not json",  # 2
        "",  # 3: blank, ignored
        "[1, 2]",  # 4
        article(5, title=None),  # 5
        article(6, body="   "),  # 6
        article(7, published="31/02/2020 8:00:00 SA"),  # 7
        article(8, published="hôm qua"),  # 8
        article(9, title="Dài " * 100),  # 9
        article(10, author=42),  # 10
        article(11, title=["không", "phải", "chuỗi"]),  # 11
        article(12, source_url="không phải địa chỉ"),  # 12
        article(13, body="<script>chỉ có mã</script>"),  # 13
        article(14, published=None),  # 14
        "   ",  # 15: blank
        article(16),  # 16
    ]
    result = run(lines, "--section", COUNCIL)

    assert result.error is not None
    numbers = [int(line.split(":")[0].split()[1]) for line in result.error_lines]
    assert numbers == [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    reasons = dict(line.split(": ", 1) for line in result.error_lines)
    assert reasons["dòng 2"].startswith("JSON không hợp lệ")
    assert "đối tượng JSON" in reasons["dòng 4"]
    assert reasons["dòng 5"] == "thiếu tiêu đề (title)"
    assert reasons["dòng 6"] == "nội dung (body) để trống"
    assert reasons["dòng 7"].startswith("ngày đăng (published): không phải ngày giờ có thật")
    assert reasons["dòng 8"] == "ngày đăng (published): ngày giờ không hợp lệ: 'hôm qua'"
    assert reasons["dòng 9"] == "tiêu đề (title) dài 399 ký tự, tối đa 255"
    assert reasons["dòng 10"] == "tác giả (author) phải là chuỗi, không phải một số"
    assert reasons["dòng 11"] == "tiêu đề (title) phải là chuỗi, không phải một mảng"
    assert "source_url" in reasons["dòng 12"]
    assert "sau khi làm sạch" in reasons["dòng 13"]
    assert reasons["dòng 14"] == "thiếu ngày đăng (published)"
    assert "Đã tạo 2, cập nhật 0, không đổi 0, lỗi 12." in result.stdout
    assert sorted(NewsArticlePage.objects.values_list("source_url", flat=True)) == [
        "https://hdnd.gialai.gov.vn/Tin-tuc/1.aspx",
        "https://hdnd.gialai.gov.vn/Tin-tuc/16.aspx",
    ]


def test_out_of_range_dates_deep_json_and_huge_lines_are_reported_not_fatal(run, sections):
    from news.importer.records import MAX_JSON_DEPTH, MAX_LINE_BYTES

    nested = article(4, summary=None)
    nested["extra"] = json.loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    lines = [
        article(1),  # 1
        article(2, published="0001-01-01T00:00:00"),  # 2
        article(3, published="9999-12-31T23:59:59+07:00"),  # 3
        nested,  # 4: one level too deep
        '{"title": ' + "[" * 100_000 + "]" * 100_000 + "}",  # 5: Python's RecursionError
        article(6, published="01/01/0001 8:00:00 SA"),  # 6
        article(7, body="x" * MAX_LINE_BYTES),  # 7: over the limit, never parsed
        article(8, body="ệ" * (MAX_LINE_BYTES // 3 - 1000)),  # 8: under it, in bytes
        article(9, published="2020-13-45"),  # 9
        article(10),  # 10
    ]
    result = run(lines, "--section", COUNCIL)

    assert result.error is not None  # partial failure: the command's non-zero exit
    reasons = dict(line.split(": ", 1) for line in result.error_lines)
    assert sorted(int(key.split()[1]) for key in reasons) == [2, 3, 4, 5, 6, 7, 9]
    for number in (2, 3, 6):
        assert "ngoài khoảng" in reasons[f"dòng {number}"], reasons
    for number in (4, 5):
        assert f"lồng quá {MAX_JSON_DEPTH} cấp" in reasons[f"dòng {number}"], reasons
    assert reasons["dòng 7"].startswith("dòng dài"), reasons
    assert "tối đa 5 MB" in reasons["dòng 7"]
    assert reasons["dòng 9"].startswith("ngày đăng (published)")
    assert "Đã tạo 3, cập nhật 0, không đổi 0, lỗi 7." in result.stdout
    assert sorted(NewsArticlePage.objects.values_list("source_url", flat=True)) == [
        f"https://hdnd.gialai.gov.vn/Tin-tuc/{n}.aspx" for n in (1, 10, 8)
    ]


def test_missing_file_and_wrong_encoding_are_clear_errors(run, tmp_path, db):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_articles", str(tmp_path / "khong-co.jsonl"))
    latin = json.dumps(article(1), ensure_ascii=False).encode("cp1258", errors="replace")
    result = run([], raw=latin + b"\n")
    assert "không phải UTF-8" in str(result.error)
    utf16 = json.dumps(article(1), ensure_ascii=False).encode("utf-16")
    assert "UTF-16" in str(run([], raw=utf16).error)
    assert "--section" in str(run([article(1)], "--section", "Dài" * 100).error)
    assert not NewsArticlePage.objects.exists()


def test_utf8_with_bom_is_read(run, sections):
    raw = b"\xef\xbb\xbf" + json.dumps(article(1), ensure_ascii=False).encode() + b"\r\n"
    result = run([], "--section", COUNCIL, raw=raw)
    assert result.error is None, result.stderr
    assert NewsArticlePage.objects.get().title.startswith("Thường trực")


# --- re-imports ----------------------------------------------------------------------


def test_reimporting_a_source_url_updates_instead_of_duplicating(run, sections):
    run([article(1), article(2)], "--publish", "--section", COUNCIL)
    page = NewsArticlePage.objects.get(source_url=article(1)["source_url"])
    revisions = page.revisions.count()

    again = run([article(1), article(2)], "--publish", "--section", COUNCIL)
    assert "Đã tạo 0, cập nhật 0, không đổi 2, lỗi 0." in again.stdout
    assert page.revisions.count() == revisions

    changed = article(
        1,
        title="Tiêu đề đã sửa",
        body="<p>Nội dung <b>mới</b></p>",
        summary="Sapo mới",
        author="Thanh Hà",
        image_caption="Chú thích mới",
        published="21/11/2020 9:00:00 SA",
    )
    result = run([changed, article(2)], "--publish", "--section", COUNCIL)
    assert "Đã tạo 0, cập nhật 1, không đổi 1, lỗi 0." in result.stdout
    assert NewsArticlePage.objects.count() == 2
    page.refresh_from_db()
    assert (page.title, page.draft_title, page.summary) == ("Tiêu đề đã sửa",) * 2 + ("Sapo mới",)
    assert (page.author, page.lead_image_caption) == ("Thanh Hà", "Chú thích mới")
    assert page.body[0].value.source == "<p>Nội dung <b>mới</b></p>"
    instant = local(2020, 11, 21, 9, 0, 0)
    assert page.published_at == page.first_published_at == page.last_published_at == instant
    assert page.slug == "thuong-truc-hdnd-tinh-hop-phien-thuong-ky-so-1"  # the URL stays
    assert page.revisions.count() == revisions + 1
    assert page.live_revision_id == page.latest_revision_id
    assert page.latest_revision.content["title"] == "Tiêu đề đã sửa"
    assert tree_problems() == []


def test_the_later_of_two_lines_with_one_source_url_wins(run, sections):
    result = run(
        [article(1, title="Bản cũ"), article(2), article(1, title="Bản mới")],
        "--section",
        COUNCIL,
    )
    assert "Đã tạo 2, cập nhật 0, không đổi 0, lỗi 0" in result.stdout
    assert "1 dòng trùng source_url" in result.stdout
    assert NewsArticlePage.objects.get(source_url=article(1)["source_url"]).title == "Bản mới"


def test_a_draft_reimport_of_a_live_article_leaves_a_draft_revision(run, sections, client):
    run([article(1)], "--publish", "--section", COUNCIL)
    page = NewsArticlePage.objects.get()

    result = run([article(1, title="Bản nháp sửa")], "--section", COUNCIL)
    assert "cập nhật 1" in result.stdout
    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes
    assert page.title.startswith("Thường trực")  # the public version is untouched
    assert page.draft_title == "Bản nháp sửa"
    assert page.latest_revision.content["title"] == "Bản nháp sửa"
    assert page.live_revision_id != page.latest_revision_id

    again = run([article(1, title="Bản nháp sửa")], "--section", COUNCIL)
    assert "không đổi 1" in again.stdout


# --- drafts, publishing, workflow ----------------------------------------------------


def test_without_publish_articles_are_drafts_with_a_revision(run, sections, client):
    result = run([article(1)], "--section", COUNCIL)
    assert result.error is None, result.stderr
    page = NewsArticlePage.objects.get()
    assert not page.live and page.has_unpublished_changes
    assert page.live_revision is None
    assert page.latest_revision.content["title"] == page.title
    assert page.first_published_at == page.published_at == local(2020, 10, 27, 8, 18, 57)
    assert page.last_published_at is None
    assert client.get(page.url).status_code == 404
    assert page.title not in client.get(sections["council"].url).content.decode()
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert actions == {"wagtail.create"}


def test_a_draft_import_goes_through_the_duyet_tin_workflow(run, sections, client):
    run([article(1)], "--section", COUNCIL)
    page = NewsArticlePage.objects.get()
    editor = User.objects.create_user("bientap", "bt@x.vn", "x")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    approver = User.objects.create_user("lanhdao", "ld@x.vn", "x")
    approver.groups.add(Group.objects.get(name="Lãnh đạo duyệt tin"))

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert edit.status_code == 200
    assert "Thường trực HĐND tỉnh họp phiên thường kỳ số 1" in edit.content.decode()
    state = page.get_workflow().start(page, editor)

    client.force_login(approver)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(url, {"comment": "Đồng ý"}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at == page.published_at == local(2020, 10, 27, 8, 18, 57)
    client.logout()
    assert client.get(page.url).status_code == 200


def test_published_articles_are_logged_announced_indexed(run, sections):
    generation = content_generation()
    run([article(1, body="Giám sát chính sách bảo trợ xã hội")], "--publish", "--section", COUNCIL)
    page = NewsArticlePage.objects.get()
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("id").values_list("action", flat=True)
    )
    assert actions == ["wagtail.create", "wagtail.publish"]
    assert content_generation() > generation  # page_published reached news.signals
    assert list(NewsArticlePage.objects.live().search("bảo trợ")) == [page]
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 1


def test_a_reimport_keeps_what_editors_added(run, sections):
    run([article(1)], "--publish", "--section", COUNCIL)
    page = NewsArticlePage.objects.get()
    image = ImageFactory()
    page.lead_image = image
    page.lead_image_alt = "Đại biểu phát biểu"
    page.tags.add("giám sát")
    page.save_revision().publish()
    assert ReferenceIndex.get_references_for_object(page).exists()

    result = run([article(1, title="Tiêu đề mới")], "--publish", "--section", COUNCIL)
    assert "cập nhật 1" in result.stdout
    page = NewsArticlePage.objects.get()
    assert page.title == "Tiêu đề mới"
    assert (page.lead_image_id, page.lead_image_alt) == (image.pk, "Đại biểu phát biểu")
    assert [tag.name for tag in page.tags.all()] == ["giám sát"]
    content = page.latest_revision.content
    assert content["lead_image"] == image.pk and content["title"] == "Tiêu đề mới"
    assert [item["tag"] for item in content["tagged_items"]] == [page.tags.get().pk]
    references = ReferenceIndex.get_references_for_object(page)
    assert sorted(ref.model_path for ref in references) == ["lead_image", "tagged_items.item.tag"]
    assert image.get_usage().count() == 1  # the image's "usage" in the admin
    assert list(NewsArticlePage.objects.live().search("Tiêu đề mới")) == [page]


def test_a_line_failing_in_the_database_only_undoes_itself(run, sections, monkeypatch):
    original = NewsArticlePage.save

    def failing_save(self, *args, **kwargs):
        if self.title.endswith("số 2"):
            raise IntegrityError("giả lập lỗi ghi")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(NewsArticlePage, "save", failing_save)
    result = run([article(1), article(2), article(3)], "--publish", "--section", COUNCIL)
    assert result.error_lines == ["dòng 2: không ghi được: giả lập lỗi ghi"]
    assert NewsArticlePage.objects.count() == 2
    assert tree_problems() == []
    assert not Revision.objects.filter(object_str__endswith="số 2").exists()
    assert not PageLogEntry.objects.filter(label__endswith="số 2").exists()
    council = Page.objects.get(pk=sections["council"].pk)
    assert council.numchild == council.get_children().count() == 3  # committees + 2


def test_several_batches_with_sections_and_bad_lines(tmp_path, home):
    lines = []
    for n in range(1, 12):
        line = article(n, section=f"Kỳ họp/Kỳ họp thứ {n % 3 + 14}")
        lines.append(json.dumps(line if n != 5 else {"title": "thiếu nội dung"}))
    path = tmp_path / "lo.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    failures = []
    report = import_articles(
        path,
        publish=True,
        create_sections=True,
        batch_size=3,
        on_error=lambda *failure: failures.append(failure),
    )
    assert (report.created, report.failed) == (10, 1)
    assert failures == [(5, "thiếu nội dung (body)")]
    assert NewsIndexPage.objects.filter(title__startswith="Kỳ họp thứ").count() == 3
    assert tree_problems() == []
    again = import_articles(path, publish=True, create_sections=True, batch_size=4)
    assert (again.created, again.unchanged, again.failed) == (0, 10, 1)


def test_a_batch_that_fails_as_a_whole_is_reported_and_the_rest_imported(
    tmp_path, sections, monkeypatch
):
    from django.db import OperationalError

    from news.importer.writer import ArticleWriter

    original, calls = ArticleWriter.finish_batch, []

    def finish_batch(self):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return original(self)

    monkeypatch.setattr(ArticleWriter, "finish_batch", finish_batch)
    path = tmp_path / "lo.jsonl"
    lines = [article(n, section=f"{COUNCIL}/Mới" if n in (3, 5) else COUNCIL) for n in range(1, 7)]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    failures = []
    report = import_articles(
        path,
        publish=True,
        create_sections=True,
        batch_size=2,
        on_error=lambda *f: failures.append(f),
    )

    assert (report.created, report.failed) == (4, 2)
    assert [line for line, _ in failures] == [3, 4]
    assert "database is locked" in failures[0][1]
    assert NewsIndexPage.objects.filter(title="Mới").count() == 1
    assert sorted(int(p.source_url[-6]) for p in NewsArticlePage.objects.all()) == [1, 2, 5, 6]
    assert tree_problems() == []


def test_sections_created_by_a_draft_import_are_drafts(run, home):
    run([article(1, section="Mới/Con")], "--create-sections")
    for section in NewsIndexPage.objects.all():
        assert not section.live and section.latest_revision is not None
    assert NewsArticlePage.objects.get().get_parent().title == "Con"


# --- sections -------------------------------------------------------------------------


def test_existing_sections_are_reused_and_missing_ones_created_once(run, sections):
    result = run(
        [
            article(1, section="Tin tức hoạt động / Hội đồng nhân dân tỉnh"),
            article(2, section="tin tức hoạt động/HỘI ĐỒNG NHÂN DÂN TỈNH/Các Ban HĐND tỉnh"),
            article(3, section="Tin tức hoạt động/Đại biểu HĐND"),
            article(4, section="Tin tức hoạt động/Đại biểu HĐND"),
        ],
        "--publish",
        "--create-sections",
    )
    assert result.error is None, result.stderr
    parents = {page.source_url[-6:]: page.get_parent().pk for page in NewsArticlePage.objects.all()}
    assert parents["1.aspx"] == sections["council"].pk
    assert parents["2.aspx"] == sections["committees"].pk
    created = NewsIndexPage.objects.get(title="Đại biểu HĐND")
    assert parents["3.aspx"] == parents["4.aspx"] == created.pk
    assert created.slug == "dai-bieu-hdnd"
    assert NewsIndexPage.objects.count() == 4
    assert tree_problems() == []


def test_a_mistyped_section_is_reported_and_nothing_is_created(run, sections):
    """Without --create-sections a wrong path must not grow a new (and published) section."""
    result = run(
        [
            article(1, section=COUNCIL),
            article(2, section="Tin tức hoạt động/Hội đồng nhân dân tĩnh"),  # typo: tĩnh
            article(3, section="Thông báo"),
        ],
        "--publish",
    )
    assert result.error is not None
    assert result.error_lines == [
        "dòng 2: chuyên mục “Tin tức hoạt động/Hội đồng nhân dân tĩnh” không tồn tại; "
        "dùng --create-sections để tạo",
        "dòng 3: chuyên mục “Thông báo” không tồn tại; dùng --create-sections để tạo",
    ]
    assert "Đã tạo 1, cập nhật 0, không đổi 0, lỗi 2." in result.stdout
    assert NewsIndexPage.objects.count() == 3
    assert NewsArticlePage.objects.get().get_parent().pk == sections["council"].pk


def test_without_any_section_and_without_the_flag_nothing_is_created(run, home):
    result = run([article(1)], "--publish")
    assert result.error_lines == [
        "dòng 1: chưa có chuyên mục nào; dùng --section hoặc --create-sections để tạo "
        "“Tin tức hoạt động”"
    ]
    assert not NewsIndexPage.objects.exists() and not NewsArticlePage.objects.exists()


def test_a_long_source_url_from_a_liferay_export_is_accepted(run, sections):
    long_url = (
        "https://hdnd.laichau.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbCdEf/content/"
        + "thuong-truc-hdnd-tinh-lam-viec-voi-uy-ban-nhan-dan-tinh-" * 25
        + "?redirect=https%3A%2F%2Fhdnd.laichau.gov.vn%2Fweb%2Fguest%2Ftin-tuc"
    )
    assert 1000 < len(long_url) <= 2000
    too_long = "https://hdnd.laichau.gov.vn/" + "a" * 2000
    result = run(
        [article(1, source_url=long_url), article(2, source_url=too_long)],
        "--publish",
        "--section",
        COUNCIL,
    )
    assert [line.split(":")[0] for line in result.error_lines] == ["dòng 2"]
    assert "tối đa 2000" in result.error_lines[0]
    page = NewsArticlePage.objects.get()
    assert page.source_url == long_url
    again = run([article(1, source_url=long_url, title="Sửa")], "--publish", "--section", COUNCIL)
    assert again.error is None, again.stderr
    assert NewsArticlePage.objects.get().title == "Sửa"


def test_decomposed_unicode_and_html_in_the_summary_are_normalised(run, sections):
    decomposed = unicodedata.normalize("NFD", COUNCIL)
    assert decomposed != COUNCIL
    line = article(
        1,
        title=unicodedata.normalize("NFD", "Giám sát   chuyên đề\n"),
        summary="<p>Tóm <b>tắt</b> &amp; thêm</p><script>x()</script>",
        section=decomposed,
    )
    result = run([line], "--publish")
    assert result.error is None, result.stderr
    page = NewsArticlePage.objects.get()
    assert page.title == "Giám sát chuyên đề"  # NFC, spaces collapsed
    assert page.summary == "Tóm tắt & thêm"
    assert page.get_parent().pk == sections["council"].pk
    assert NewsIndexPage.objects.count() == 3


def test_line_section_overrides_option_and_default_is_the_first_section(run, sections):
    make_section("Thông báo")  # a second top-level section, after "Tin tức hoạt động"
    run(
        [article(1, section="Thông báo"), article(2)],
        "--publish",
        "--section",
        "Tin tức hoạt động/Hội đồng nhân dân tỉnh",
    )
    run([article(3)], "--publish")
    parents = {p.source_url[-6:]: p.get_parent().title for p in NewsArticlePage.objects.all()}
    assert parents == {
        "1.aspx": "Thông báo",
        "2.aspx": "Hội đồng nhân dân tỉnh",
        "3.aspx": "Tin tức hoạt động",
    }


def test_without_any_section_tin_tuc_hoat_dong_is_created(run, home):
    run([article(1)], "--publish", "--create-sections")
    section = NewsIndexPage.objects.get()
    assert (section.title, section.slug) == ("Tin tức hoạt động", "tin-tuc-hoat-dong")
    assert section.get_parent().pk == home.pk
    assert NewsArticlePage.objects.get().get_parent().pk == section.pk


def test_same_titles_get_unique_slugs(run, sections):
    lines = [article(n, title="Tiếp xúc cử tri") for n in range(1, 4)]
    run(lines, "--publish", "--section", COUNCIL)
    slugs = sorted(NewsArticlePage.objects.values_list("slug", flat=True))
    assert slugs == ["tiep-xuc-cu-tri", "tiep-xuc-cu-tri-2", "tiep-xuc-cu-tri-3"]


def test_tree_stays_consistent_when_sections_appear_mid_batch(run, sections):
    """Articles and new subsections under the same parent, interleaved in one batch."""
    lines = []
    for n in range(1, 31):
        path = COUNCIL if n % 3 else f"{COUNCIL}/Chuyên đề {n}"
        lines.append(article(n, section=path))
    existing = make_article(sections["council"], title="Bài có sẵn")
    result = run(lines, "--publish", "--create-sections")
    assert result.error is None, result.stderr
    assert tree_problems() == []
    council = Page.objects.get(pk=sections["council"].pk)
    # committees + the existing article + 20 articles + 10 new sections
    assert council.numchild == council.get_children().count() == 32
    assert existing.get_parent().pk == council.pk


# --- the result on the site ------------------------------------------------------------


def test_imported_article_renders_and_is_listed_in_its_section(run, sections, client):
    run(
        [article(1, section=COUNCIL, body="<p>Nội dung <b>đậm</b></p>")],
        "--publish",
    )
    page = NewsArticlePage.objects.get()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thường trực HĐND tỉnh họp phiên thường kỳ số 1" in html
    assert "<b>đậm</b>" in html
    assert "27/10/2020" in html
    for section in (sections["council"], sections["news"]):
        listing = client.get(section.url).content.decode()
        assert "Thường trực HĐND tỉnh họp phiên thường kỳ số 1" in listing


def test_the_portal_search_finds_the_imported_articles_once_the_import_ends(
    tmp_path, sections, settings, monkeypatch
):
    """The search app refreshes its entries once, at the end of the import (not after
    each batch), with the text work on worker processes; readers' search finds them."""
    from search import indexing, parallel
    from search.backends import database
    from tests.search_factories import search, titles

    settings.SEARCH_INDEX_WORKERS = 2
    monkeypatch.setattr(parallel, "MIN_ITEMS_FOR_POOL", 1)  # workers even for 3 articles
    refreshes = []
    refresh = indexing.refresh_pages_by_id
    monkeypatch.setattr(
        indexing,
        "refresh_pages_by_id",
        lambda ids, **kwargs: refreshes.append(kwargs) or refresh(ids, **kwargs),
    )
    path = tmp_path / "ba-bai.jsonl"
    lines = [article(n, body=f"Giám sát chính sách bảo trợ xã hội, đợt {n}") for n in (1, 2, 3)]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    report = import_articles(path, section=COUNCIL, publish=True, batch_size=1)

    assert report.created == 3
    assert refreshes == [{"descendants": False, "workers": 2}]
    found = titles(search(database, "bảo trợ xã hội"))
    expected = [f"Thường trực HĐND tỉnh họp phiên thường kỳ số {n}" for n in (1, 2, 3)]
    assert sorted(found) == expected


def test_an_articles_searchable_body_is_what_wagtail_would_index(sections):
    """news.blocks.ArticleBodyBlock remembers paragraph texts for the admin index (the
    importer's speed); what it returns must stay Wagtail's own StreamBlock result."""
    from wagtail.blocks import StreamBlock

    page = make_article(
        sections["council"],
        body=[
            ("paragraph", "<p>Giám sát <b>bảo trợ</b> xã hội</p><p>Đoạn &amp; hai</p>"),
            ("quote", {"text": "Cử tri kiến nghị", "attribution": "Ông A"}),
            ("paragraph", "<p>Giám sát <b>bảo trợ</b> xã hội</p><p>Đoạn &amp; hai</p>"),
        ],
    )
    block = page.body.stream_block
    expected = StreamBlock.get_searchable_content(block, page.body)
    assert block.get_searchable_content(page.body) == expected
    assert block.get_searchable_content(page.body) == expected  # remembered, same
    assert "Giám sát bảo trợ xã hội Đoạn & hai" in expected
    page.body = [("paragraph", "<p>Nội dung khác</p>")]
    assert block.get_searchable_content(page.body) == ["Nội dung khác"]


def test_a_failing_search_refresh_is_logged_and_the_import_kept(
    tmp_path, sections, monkeypatch, caplog
):
    from search import indexing

    def broken(*args, **kwargs):
        raise RuntimeError("giả lập lỗi tìm kiếm")

    monkeypatch.setattr(indexing, "refresh_pages_by_id", broken)
    path = tmp_path / "mot-bai.jsonl"
    path.write_text(json.dumps(article(1)), encoding="utf-8")
    report = import_articles(path, section=COUNCIL, publish=True)
    assert report.created == 1 and NewsArticlePage.objects.live().count() == 1
    assert "run search_index sync" in caplog.text
