"""Status and kind vocabularies of supervision work, as the council office uses them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    THEMATIC = "chuyen-de", _("Giám sát chuyên đề")
    SURVEY = "khao-sat", _("Khảo sát")
    RE_INSPECTION = "tai-giam-sat", _("Tái giám sát")
    REGULAR = "thuong-xuyen", _("Giám sát thường xuyên")


class BodyKind(models.TextChoices):
    STANDING = "thuong-truc", _("Thường trực HĐND")
    COMMITTEE = "ban", _("Ban của HĐND")
    DELEGATE_GROUP = "to-dai-bieu", _("Tổ đại biểu")
    COUNCIL = "hdnd", _("Hội đồng nhân dân")


class AgencyLevel(models.TextChoices):
    CENTRAL = "trung-uong", _("Trung ương")
    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")
    ENTERPRISE = "doanh-nghiep", _("Doanh nghiệp, đơn vị sự nghiệp")


class UnitLevel(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    DISTRICT = "huyen", _("Huyện")
    COMMUNE = "xa", _("Xã")


class AgencyPosition(models.TextChoices):
    """What the addressee said about a recommendation, kept apart from what it did."""

    UNKNOWN = "chua-phan-hoi", _("Chưa phản hồi")
    ACCEPTED = "tiep-thu", _("Tiếp thu")
    PARTLY_ACCEPTED = "tiep-thu-mot-phan", _("Tiếp thu một phần")
    NOT_ACCEPTED = "khong-tiep-thu", _("Không tiếp thu")


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "chua-thuc-hien", _("Chưa thực hiện")
    IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
    DONE = "da-thuc-hien", _("Đã thực hiện")
    PARTLY_DONE = "thuc-hien-mot-phan", _("Thực hiện một phần")
    NOT_DONE = "khong-thuc-hien", _("Không thực hiện")
    OBSOLETE = "khong-con-phu-hop", _("Không còn phù hợp")

    @classmethod
    def closed(cls) -> list[str]:
        """Statuses after which a deadline no longer matters."""
        return [cls.DONE, cls.OBSOLETE]


class LegalBasisKind(models.TextChoices):
    RESOLUTION = "nghi-quyet", _("Nghị quyết")
    DECISION = "quyet-dinh", _("Quyết định")
    PLAN = "ke-hoach", _("Kế hoạch")
    NOTICE = "thong-bao", _("Thông báo")
    REPORT = "bao-cao", _("Báo cáo")
    OTHER = "khac", _("Văn bản khác")


class DocumentRole(models.TextChoices):
    SIGNED_REPORT = "bao-cao", _("Báo cáo kết quả giám sát")
    DECISION = "quyet-dinh", _("Quyết định thành lập đoàn")
    PLAN = "ke-hoach", _("Kế hoạch giám sát")
    CONCLUSION = "ket-luan", _("Thông báo kết luận")
    OTHER = "khac", _("Tài liệu khác")
