"""Generated Vietnamese council documents and a mixed query list for bench/search.py.

Everything is drawn from a seeded random.Random, so every run (and every backend) gets the
same documents and the same queries. The vocabulary is the council's: topics, agencies with
their abbreviations, districts and communes of Lai Châu, people's names, figures written the
Vietnamese way ("8.712", "12,5%") and dates ("30/6/2020"). About a third of the documents
place tones the old way ("hoà", "thuỷ", "Uỷ ban") as older articles do, so queries in either
placement have something to find.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any


def _items(text: str, sep: str | None = None) -> list[str]:
    # Prose with separators is easier to edit than a list literal of quoted phrases.
    return text.split(sep)


FAMILY = _items("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Lò Tòng Giàng Lường Hà Vàng Sùng")
MIDDLE = _items("Văn Thị Đức Minh Thanh Ngọc Quang Hữu A Seo")
GIVEN = _items(
    "Huyền Mai Thủy Hùng Dũng Lan Sơn Tuấn Hương Chiến Pao Sinh Chung Khoa Thảo Hòa Tâm "
    "Phong Nhung Lực Dơ Chứ Thắng Quyết"
)
DISTRICTS = _items("Tam Đường|Phong Thổ|Sìn Hồ|Mường Tè|Than Uyên|Tân Uyên|Nậm Nhùn", "|")
COMMUNES = _items(
    "Bản Giang|Nà Tăm|Bình Lư|Khun Há|Sơn Bình|Thèn Sin|Hồ Thầu|Giang Ma|Nậm Tăm|Pa Tần|"
    "Ka Lăng|Thu Lũm|Mường Kim|Phúc Than|Pắc Ta|Trung Đồng|Nậm Sỏ|Hua Bum|Lê Lợi|Mường Mô|"
    "Pú Đao|Chăn Nưa|Nậm Hàng|Tà Tổng|Bum Nưa|Dào San|Sì Lở Lầu|Mồ Sì San|Vàng Ma Chải|"
    "Khổng Lào|Hoang Thèn|Bản Lang|Nậm Xe|Ma Li Pho|Mù Cả",
    "|",
)
AGENCIES = [  # (full name, how articles often shorten it)
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở Y tế", "Sở Y tế"),
    ("Sở Tài chính", "Sở Tài chính"),
    ("Cục Thuế tỉnh", "Cục Thuế tỉnh"),
    ("Cục Thi hành án dân sự tỉnh", "Cục THADS tỉnh"),
    ("Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh"),
    ("Thanh tra tỉnh", "Thanh tra tỉnh"),
    ("Bảo hiểm xã hội tỉnh", "BHXH tỉnh"),
    ("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
]
BODIES = _items(
    "Thường trực HĐND tỉnh|Ban Kinh tế - Ngân sách HĐND tỉnh|Ban Văn hóa - Xã hội HĐND tỉnh|"
    "Ban Pháp chế HĐND tỉnh|Ban Dân tộc HĐND tỉnh|Tổ đại biểu HĐND tỉnh",
    "|",
)
POSITIONS = _items(
    "Chủ tịch HĐND tỉnh|Phó Chủ tịch HĐND tỉnh|Trưởng Ban Văn hóa - Xã hội HĐND tỉnh|"
    "Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh|Trưởng Ban Pháp chế HĐND tỉnh|"
    "Trưởng Ban Dân tộc HĐND tỉnh|Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "|",
)
TOPICS = _items(
    "chính sách trợ giúp xã hội; quản lý khoáng sản; thi hành án dân sự; xây dựng nông thôn "
    "mới; tiếp công dân; giải quyết khiếu nại, tố cáo; dự toán ngân sách; quyết toán ngân "
    "sách; kế hoạch đầu tư công; giảm nghèo bền vững; bảo hiểm y tế học sinh; an toàn thực "
    "phẩm; phòng, chống dịch Covid-19; bố trí ổn định dân cư; chất lượng giáo dục vùng cao; "
    "kinh phí sự nghiệp giáo dục; chi trả dịch vụ môi trường rừng; quản lý đất đai; cấp giấy "
    "chứng nhận quyền sử dụng đất; giao thông nông thôn; nước sạch nông thôn; chuyển đổi số; "
    "cải cách hành chính; phát triển cây chè; trồng cây mắc ca; du lịch cộng đồng; bảo vệ và "
    "phát triển rừng; đào tạo nghề cho lao động nông thôn; chính sách người có công; bảo vệ "
    "trẻ em; hỗ trợ người khuyết tật; nhà ở cho hộ nghèo; tái định cư thủy điện; hòa giải ở "
    "cơ sở; văn hóa truyền thống đồng bào dân tộc; y tế cơ sở; bữa ăn học sinh bán trú",
    "; ",
)
PROBLEMS = _items(
    "tiến độ giải ngân vốn còn chậm; hồ sơ đối tượng chưa được rà soát kịp thời; một số "
    "công trình xuống cấp sau khi bàn giao; tình trạng khai thác cát, sỏi trái phép; đơn "
    "thư khiếu nại tồn đọng kéo dài; thiếu bác sĩ tại trạm y tế xã; bếp ăn bán trú chưa bảo "
    "đảm vệ sinh; hạ tầng điện, nước tại điểm tái định cư chưa hoàn thiện; đất sản xuất cho "
    "hộ nghèo còn thiếu; công tác phối hợp giữa các ngành chưa chặt chẽ; giấy phép khai "
    "thác hết hạn nhưng chưa đóng cửa mỏ; chi trả trợ cấp còn chậm so với quy định",
    "; ",
)
ACTIONS = _items(
    "rà soát, bổ sung kịp thời các đối tượng đủ điều kiện; đẩy nhanh tiến độ giải ngân vốn; "
    "tăng cường thanh tra, kiểm tra và xử lý nghiêm vi phạm; số hóa hồ sơ tiếp công dân; "
    "bố trí đủ kinh phí cho năm tiếp theo; hoàn thiện hạ tầng tại các điểm tái định cư; "
    "đóng cửa mỏ đối với giấy phép đã hết hạn; nâng cao chất lượng bữa ăn cho học sinh; "
    "trả lời đầy đủ kiến nghị của cử tri; công khai kết quả giải quyết đơn thư",
    "; ",
)
BENEFICIARIES = _items(
    "đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng; hộ nghèo; hộ cận nghèo; học sinh "
    "bán trú; người có công với cách mạng; lao động được đào tạo nghề; người cao tuổi; trẻ "
    "em có hoàn cảnh đặc biệt; hộ dân được cấp nước sạch",
    "; ",
)
EVENTS = _items(
    "buổi làm việc|hội nghị giao ban|phiên họp thường kỳ|cuộc giám sát chuyên đề|"
    "chuyến khảo sát thực tế|hội nghị tiếp xúc cử tri|phiên chất vấn",
    "|",
)
QUOTES = _items(
    "Bà con mong Nhà nước sớm làm đường vào bản|Xã đã rà soát kỹ, không để sót đối tượng nào|"
    "Kinh phí về chậm nên việc chi trả bị ảnh hưởng|Chúng tôi tiếp thu đầy đủ ý kiến của Đoàn",
    "|",
)
TERMS = ["XIV", "XV", "XVI"]

# Sentence and title templates; each {slot} is drawn once per sentence (Slots below).
SENTENCES = [
    "Ngày {date}, {body} đã tổ chức {event} về {topic} tại {place}.",
    "Tham dự có {position} {person}; đại diện lãnh đạo {agency} và {agency2}.",
    "Theo báo cáo của {agency}, tính đến ngày {date}, toàn tỉnh có {number} {beneficiary}, "
    "tăng {percent}% so với năm {year}.",
    "Tổng kinh phí thực hiện {topic} năm {year} là {percent} tỷ đồng, giải ngân đạt "
    "{percent2}% kế hoạch vốn được giao.",
    "Tại buổi làm việc, thành viên Đoàn giám sát đề nghị {agency} làm rõ nguyên nhân "
    "{problem} trên địa bàn {place}.",
    "Phát biểu kết luận, {position} {person} ghi nhận kết quả đạt được, đồng thời đề nghị "
    "{agency} {action}.",
    "Cử tri xã {commune}, huyện {district} phản ánh {problem}.",
    "{agency} cho biết đã tiếp {number} lượt công dân, tiếp nhận {small} đơn thư, trong đó "
    "{small2} đơn thuộc thẩm quyền giải quyết.",
    "Giai đoạn {year}-{later}, tỉnh đã hỗ trợ {number} hộ nghèo, hộ cận nghèo về {topic}.",
    "Kỳ họp thứ {ordinal} HĐND tỉnh khóa {term} đã thông qua Nghị quyết số {small}/NQ-HĐND "
    "về {topic}.",
    "Hạn chế chủ yếu là {problem}; {problem2}.",
    "Ông {person}, Chủ tịch UBND xã {commune}, cho biết: “{quote}”.",
    "Công tác {topic} được {agency} quan tâm chỉ đạo, triển khai đồng bộ, bám sát chỉ tiêu, "
    "nhiệm vụ đề ra.",
]
TITLES = [
    "Giám sát {topic} tại huyện {district}",
    "Khảo sát {topic} ở xã {commune}",
    "{agency} giải trình về {topic}",
    "Cử tri {district} kiến nghị về {topic}",
    "HĐND tỉnh khóa {term} thảo luận {topic}",
    "Tái giám sát {topic} năm {year}",
]
# A fixed pool of figures, so number queries find documents that state them.
FIGURES = [f"{n:,}".replace(",", ".") for n in random.Random(8712).sample(range(1000, 99999), 60)]
OLD_TONES = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ", "Ủy": "Uỷ",
}  # fmt: skip
FIRST_DAY = date(2015, 1, 1)
DAYS = 3800  # to mid-2025


def old_tones(text: str) -> str:
    for new, old in OLD_TONES.items():
        text = text.replace(new, old)
    return text


def fold(text: str) -> str:
    """No diacritics, as readers on a phone type: "giam sat ngan sach"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items)

    def person(self) -> str:
        return f"{self.pick(FAMILY)} {self.pick(MIDDLE)} {self.pick(GIVEN)}"

    def day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))

    def when(self) -> str:
        day = self.day()
        return f"{day.day}/{day.month}/{day.year}"

    def number(self) -> str:
        if self.rng.random() < 0.3:
            return self.pick(FIGURES)
        return f"{self.rng.randrange(120, 30000):,}".replace(",", ".")

    def percent(self) -> str:
        return f"{self.rng.randrange(10, 999) / 10:.1f}".replace(".", ",")

    def agency(self) -> str:
        full, short = self.pick(AGENCIES)
        return short if self.rng.random() < 0.4 else full

    def place(self) -> str:
        if self.rng.random() < 0.5:
            return f"xã {self.pick(COMMUNES)}, huyện {self.pick(DISTRICTS)}"
        return f"huyện {self.pick(DISTRICTS)}"

    def fill(self, template: str, topic: str) -> str:
        return template.format_map(Slots(self, topic))

    def summary(self, topic: str) -> str:
        """About 30 words: one sentence, two when the first is short."""
        first = self.fill(self.pick(SENTENCES), topic)
        if len(first.split()) >= 20:
            return first
        return f"{first} {self.fill(self.pick(SENTENCES), topic)}"

    def paragraphs(self, topic: str, words: int) -> list[str]:
        """Paragraphs of 3-5 sentences, mostly on `topic`, until about `words` words."""
        out: list[str] = []
        current: list[str] = []
        count = 0
        while count < words:
            subject = topic if self.rng.random() < 0.6 else self.pick(TOPICS)
            text = self.fill(self.pick(SENTENCES), subject)
            current.append(text)
            count += len(text.split())
            if len(current) >= self.rng.randrange(3, 6):
                out.append(" ".join(current))
                current = []
        return out + ([" ".join(current)] if current else [])


class Slots(dict):
    """Template values drawn on first use: "{agency} và {agency2}" are two agencies."""

    def __init__(self, writer: Writer, topic: str) -> None:
        super().__init__(topic=topic)
        self.w = writer

    def __missing__(self, key: str) -> str:
        w, r = self.w, self.w.rng
        year = r.randrange(2015, 2025)
        makers = {
            "date": w.when, "body": lambda: w.pick(BODIES), "event": lambda: w.pick(EVENTS),
            "place": w.place, "position": lambda: w.pick(POSITIONS), "person": w.person,
            "agency": w.agency, "number": w.number, "percent": w.percent,
            "beneficiary": lambda: w.pick(BENEFICIARIES), "year": lambda: str(year),
            "later": lambda: str(int(self["year"]) + 5), "problem": lambda: w.pick(PROBLEMS),
            "action": lambda: w.pick(ACTIONS), "commune": lambda: w.pick(COMMUNES),
            "district": lambda: w.pick(DISTRICTS), "small": lambda: str(r.randrange(5, 900)),
            "ordinal": lambda: str(r.randrange(2, 20)), "term": lambda: w.pick(TERMS),
            "quote": lambda: w.pick(QUOTES),
        }  # fmt: skip
        value = makers[key.rstrip("0123456789")]()
        self[key] = value
        return value


def article(rng: random.Random, n: int, section: str) -> dict[str, str]:
    """One JSON line for `manage.py import_articles`: title ~12 words, summary ~30 words
    (two sentences), body 300-500 words in paragraphs."""
    w = Writer(rng)
    topic = w.pick(TOPICS)
    published = datetime.combine(w.day(), time(7)) + timedelta(minutes=rng.randrange(660))
    record = {
        "title": w.fill(w.pick(TITLES), topic),
        "summary": w.summary(topic),
        "body": "\n\n".join(w.paragraphs(topic, rng.randrange(300, 500))),
        "published": published.isoformat(),
        "author": w.person(),
        "section": section,
        "source_url": f"https://hdnd.example.vn/bench-search/{n}",
    }
    if rng.random() < 0.35:
        record = {key: old_tones(value) for key, value in record.items()}
    return record


@dataclass(frozen=True)
class Report:
    title: str
    subject: str
    summary: str
    findings: str
    shortcomings: str
    conclusion: str
    recommendation: str
    day: date
    head: str


def report(rng: random.Random) -> Report:
    w = Writer(rng)
    topic = w.pick(TOPICS)
    day = w.day()

    def html(words: int) -> str:
        return "".join(f"<p>{text}</p>" for text in w.paragraphs(topic, words))

    return Report(
        title=f"Báo cáo kết quả giám sát {topic} tại huyện {w.pick(DISTRICTS)} năm {day.year}",
        subject=f"việc thực hiện chính sách, pháp luật về {topic}",
        summary=w.summary(topic),
        findings=html(150),
        shortcomings=html(80),
        conclusion=html(60),
        recommendation=f"Đề nghị {w.agency()} {w.pick(ACTIONS)}; báo cáo trước ngày {w.when()}.",
        day=day,
        head=w.person(),
    )


@dataclass(frozen=True)
class Query:
    kind: str
    query: str
    type: str | None = None
    year: int | None = None
    sort: str = "relevance"
    page: int = 1


# Kinds and their share of the list; filters, sorts and pages reuse a plain text query.
KINDS = {
    "no_diacritics": 40, "diacritics": 40, "tones": 25, "abbreviation": 30, "phrase": 25,
    "name": 25, "number": 20, "date": 20, "filter_type": 20, "filter_year": 20,
    "filter_both": 10, "newest": 10, "page_2": 10, "empty": 5,
}  # fmt: skip
ABBREVIATIONS = _items(
    "HĐND tỉnh|UBND tỉnh|LĐ-TB&XH|LĐTBXH|Sở GD&ĐT|TN&MT khoáng sản|NN&PTNT|Ban KT-NS|"
    "Ban VH-XH|ĐBQH|BHXH tỉnh|THADS|hdnd|ubnd huyen",
    "|",
)
TONED = _items(
    "hòa giải ở cơ sở|văn hóa truyền thống|khóa XV|Ủy ban nhân dân tỉnh|thủy điện|"
    "Thị Thủy|số hóa hồ sơ|Ban Văn hóa - Xã hội",
    "|",
)
SUBJECTS = _items(
    "nông thôn mới|giảm nghèo|khoáng sản|tiếp công dân|ngân sách|giáo dục vùng cao|"
    "trợ giúp xã hội|tái định cư|nước sạch|cây mắc ca|đơn thư khiếu nại|giải ngân vốn|bán trú|"
    "thủy điện|đất đai|bảo hiểm y tế|chuyển đổi số|an toàn thực phẩm|Covid-19|"
    "người khuyết tật|trẻ em|trạm y tế xã|cấp giấy chứng nhận",
    "|",
)
NONSENSE = ["xyzqv blorf", "kỳ lân vũ trụ 99999", "qwertyuiop", "zzz 31/2/1990", "abcxyz dự án"]
TYPES = ["article", "report", "recommendation"]


def queries(count: int, seed: int = 4102) -> list[Query]:
    """`count` queries in the KINDS proportions, shuffled; the same seed, the same list."""
    rng = random.Random(seed)
    w = Writer(rng)

    def words() -> str:  # what readers type: a short subject, a whole topic, or with a place
        roll = rng.random()
        if roll < 0.4:
            return w.pick(TOPICS)
        short = w.pick(SUBJECTS)
        return f"{short} {w.pick(DISTRICTS)}" if roll > 0.8 else short

    def make(kind: str) -> Query:
        if kind == "no_diacritics":
            return Query(kind, fold(words()))
        if kind == "diacritics":
            return Query(kind, words())
        if kind == "tones":
            return Query(kind, rng.choice([old_tones, str])(w.pick(TONED)))
        if kind == "abbreviation":
            return Query(kind, f"{w.pick(ABBREVIATIONS)} {rng.choice(['', words()])}".strip())
        if kind == "phrase":
            phrase = " ".join(w.pick(PROBLEMS + ACTIONS).split()[:4])
            return Query(kind, rng.choice(['"{}"', "{}"]).format(phrase))
        if kind == "name":
            return Query(kind, rng.choice([str, fold])(w.person()))
        if kind == "number":
            if rng.random() < 0.2:
                return Query(kind, f"{w.percent()}%")
            return Query(kind, rng.choice(["{}", "{} hộ nghèo", "{} lượt"]).format(w.pick(FIGURES)))
        if kind == "date":
            return Query(kind, w.when())
        if kind == "empty":
            return Query(kind, w.pick(NONSENSE))
        year = rng.randrange(2015, 2026)
        return {
            "filter_type": Query(kind, words(), type=w.pick(TYPES)),
            "filter_year": Query(kind, words(), year=year),
            "filter_both": Query(kind, words(), type=w.pick(TYPES[:2]), year=year),
            "newest": Query(kind, words(), sort="newest"),
            "page_2": Query(kind, words(), page=2),
        }[kind]

    total = sum(KINDS.values())
    plan = [kind for kind, share in KINDS.items() for _ in range(round(share * count / total))]
    plan += list(KINDS)[: max(0, count - len(plan))]  # rounding may leave a few short
    rng.shuffle(plan)
    return [make(kind) for kind in plan[:count]]
