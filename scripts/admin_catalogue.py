"""The Vietnamese catalogue of the Wagtail admin: site/locale/vi/LC_MESSAGES/{django,djangojs}.po.

Django searches LOCALE_PATHS (site/locale) before the apps' own locale directories, so our
entries win over Wagtail's 134 Vietnamese strings. The .po files are the source of truth and
are committed together with their compiled .mo files (so `make run` and CI need no gettext);
tests/test_admin_catalogue.py fails when a .mo no longer matches its .po.

    python scripts/admin_catalogue.py merge PART.po [PART.po ...]
        take the translated entries of each part (translators' files, same msgids as
        Wagtail's en catalogues) into our catalogue of the same domain (a part named
        *djangojs*.po goes to djangojs.po), then site/locale/vi/extra.po (our own entries and
        corrections, so they win), rewrite the header, compile the .mo files
    python scripts/admin_catalogue.py missing
        after a Wagtail upgrade: list the msgids of the installed Wagtail's en catalogues
        that our catalogue lacks or leaves empty (exit 1 if any); then translate them into a
        part file and merge it
    python scripts/admin_catalogue.py compile
        rebuild the .mo files from the .po files (after editing a .po by hand)

polib (a dev dependency) reads and writes the files; the running site only reads the .mo.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "site" / "locale" / "vi" / "LC_MESSAGES"
# Our own entries: strings outside Wagtail's en catalogues (Django's timesince, strings Wagtail
# forgot to extract) and corrections to the translators' parts. Merged last, so it wins.
EXTRA = ROOT / "site" / "locale" / "vi" / "extra.po"
DOMAINS = ("django", "djangojs")

# The apps whose admin screens editors and approvers use (taggit: the tag field's help text).
APPS = (
    "wagtail/admin",
    "wagtail",
    "wagtail/users",
    "wagtail/images",
    "wagtail/documents",
    "wagtail/snippets",
    "wagtail/contrib/redirects",
    "wagtail/contrib/settings",
    "wagtail/contrib/table_block",
    "wagtail/embeds",
    "wagtail/sites",
    "wagtail/locales",
    "wagtail/search",
    "taggit",
)

METADATA = {
    "Project-Id-Version": "hdnd-portal admin (Wagtail 8.0)",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

HEADER = """\
Bản dịch tiếng Việt giao diện quản trị (Wagtail 8.0) của Cổng thông tin điện tử HĐND tỉnh.
Rebuilt by scripts/admin_catalogue.py; edit entries here, then run its `compile`.

Dấu thanh đặt kiểu mới: hóa, thủy, xóa, khóa, Ủy, tùy. Viết hoa chữ đầu nhãn như Wagtail.
Văn phong hành chính, ngắn gọn; tránh "bạn" khi có thể.

Thuật ngữ (glossary), dùng nhất quán:
  page: trang | article: bài viết | section/index page: chuyên mục
  draft: bản nháp | save draft: lưu bản nháp
  publish/published: xuất bản/đã xuất bản; status "Live": Đã xuất bản
  unpublish: gỡ xuất bản; status "Draft"/"Not live": Chưa xuất bản
  submit for moderation/to workflow: gửi duyệt | approve: duyệt | approve and publish:
  duyệt và xuất bản | reject: từ chối | request changes: yêu cầu chỉnh sửa |
  changes requested: cần chỉnh sửa | in moderation: đang chờ duyệt | awaiting review:
  chờ duyệt | in progress: đang xử lý | workflow: quy trình duyệt | task: bước duyệt
  schedule(d): lịch xuất bản/đã lên lịch | go-live date: thời điểm xuất bản |
  expiry date: thời điểm hết hạn | expired: đã hết hạn
  revision: phiên bản | history: lịch sử | compare: so sánh | preview: xem trước |
  view live: xem trên trang
  edit/delete/copy/move: sửa/xóa/sao chép/di chuyển | add child page: thêm trang con
  explorer: cây trang | dashboard: bảng điều khiển
  privacy/private/public: quyền xem/hạn chế/công khai | lock/locked/unlock: khóa/đang
  khóa/mở khóa | owner: người tạo | author/editor: tác giả/người biên tập | comment: góp ý
  image(s): ảnh (menu: Hình ảnh) | document: tài liệu | collection: thư mục |
  upload: tải lên | choose/chooser: chọn/hộp chọn | focal point: điểm trọng tâm |
  alt text: văn bản thay thế | rendition: bản xuất ảnh
  snippet(s): mục dữ liệu (menu: Danh mục dữ liệu) | settings: cài đặt | site: trang web
  users/groups/permissions: người dùng/nhóm/quyền
  Reports (Wagtail menu): thống kê; "báo cáo" is kept for the council's báo cáo giám sát
  locale/language/translation: ngôn ngữ/ngôn ngữ/bản dịch | redirect: chuyển hướng
  search/filter/sort: tìm kiếm/lọc/sắp xếp | slug: đường dẫn | title: tiêu đề
  tabs Promote/Content: quảng bá/nội dung | status: trạng thái | help: trợ giúp
  log in/out, password, account: đăng nhập/đăng xuất, mật khẩu, tài khoản
  item: mục | usage/referenced: nơi sử dụng/được dùng | form/field/panel/block: biểu
  mẫu/trường/khung/khối | embed: nhúng | link/internal/external: liên kết/nội bộ/ngoài
  error/warning/success: lỗi/cảnh báo/thành công | cancel/save/close/confirm:
  hủy/lưu/đóng/xác nhận | select all: chọn tất cả | bulk actions: thao tác hàng loạt
  Wagtail (product name): Wagtail"""


def catalogue_path(domain: str, suffix: str = "po") -> Path:
    return LOCALE_DIR / f"{domain}.{suffix}"


def site_packages() -> Path:
    import wagtail

    return Path(wagtail.__file__).resolve().parent.parent


def wagtail_msgids(domain: str) -> dict[tuple[str | None, str], polib.POEntry]:
    """(msgctxt, msgid) -> entry of the installed Wagtail's en catalogues of `domain`."""
    found: dict[tuple[str | None, str], polib.POEntry] = {}
    for app in APPS:
        path = site_packages() / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if not entry.obsolete and entry.msgid:
                found.setdefault((entry.msgctxt, entry.msgid), entry)
    return found


def translation(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def load(domain: str) -> polib.POFile:
    path = catalogue_path(domain)
    po = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile(wrapwidth=0)
    po.wrapwidth = 0
    return po


def save(po: polib.POFile, domain: str) -> None:
    po.header = HEADER
    po.metadata = dict(METADATA)
    po.sort(key=lambda e: (e.msgid.lower(), e.msgid, e.msgctxt or ""))
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    po.save(str(catalogue_path(domain)))
    po.save_as_mofile(str(catalogue_path(domain, "mo")))


def merge(parts: Iterable[Path]) -> dict[str, int]:
    """Take the filled entries of `parts` into our catalogues; returns entries taken per domain."""
    catalogues = {domain: load(domain) for domain in DOMAINS}
    taken = dict.fromkeys(DOMAINS, 0)
    for part in [*parts, EXTRA]:
        domain = "djangojs" if "djangojs" in part.name else "django"
        po = catalogues[domain]
        for entry in polib.pofile(str(part)):
            text = translation(entry)
            if entry.obsolete or not entry.msgid or not text.strip():
                continue
            ours = po.find(entry.msgid, msgctxt=entry.msgctxt)
            if ours is None:
                ours = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt)
                ours.msgid_plural = entry.msgid_plural
                po.append(ours)
            if entry.msgid_plural:
                ours.msgstr_plural = {0: text}
            else:
                ours.msgstr = text
            ours.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            ours.occurrences = entry.occurrences[:2]
            ours.comment = ""
            taken[domain] += 1
    for domain, po in catalogues.items():
        save(po, domain)
    return taken


def missing(domain: str) -> list[polib.POEntry]:
    """Wagtail's msgids of `domain` that our catalogue lacks or leaves untranslated."""
    ours = {(e.msgctxt, e.msgid): translation(e) for e in load(domain)}
    return [
        entry for key, entry in wagtail_msgids(domain).items() if not (ours.get(key) or "").strip()
    ]


def compile_all() -> None:
    """Rebuild the .mo files (extra.po included: it always wins)."""
    merge([])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    merge_cmd = commands.add_parser("merge", help="take translated part files in")
    merge_cmd.add_argument("parts", nargs="+", type=Path)
    commands.add_parser("missing", help="msgids of the installed Wagtail that we lack")
    commands.add_parser("compile", help="rebuild the .mo files")
    args = parser.parse_args(argv)

    if args.command == "merge":
        for part in args.parts:
            if not part.is_file():
                parser.error(f"no such file: {part}")
        taken = merge(args.parts)
        for domain in DOMAINS:
            total = len(load(domain))
            print(f"{domain}: {taken[domain]} entries taken, {total} in the catalogue")
        return 0
    if args.command == "compile":
        compile_all()
        return 0
    lacking = 0
    for domain in DOMAINS:
        for entry in missing(domain):
            context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
            where = entry.occurrences[0][0] if entry.occurrences else "?"
            print(f"{domain}: {entry.msgid!r}{context} ({where})")
            lacking += 1
    print(f"{lacking} msgid(s) of the installed Wagtail missing from site/locale/vi")
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main())
