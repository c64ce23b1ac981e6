from .index_page import RecommendationTrackerPage, ReportIndexPage
from .recommendations import Recommendation, RecommendationReview, RecommendationUpdate
from .reference import AdministrativeUnit, Agency, Field, Person, SupervisingBody
from .report import (
    KeyFigure,
    LegalBasis,
    ReportDocument,
    ReportNewsLink,
    SupervisionReportPage,
    WorkingSession,
)

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "Field",
    "KeyFigure",
    "LegalBasis",
    "Person",
    "Recommendation",
    "RecommendationReview",
    "RecommendationTrackerPage",
    "RecommendationUpdate",
    "ReportDocument",
    "ReportIndexPage",
    "ReportNewsLink",
    "SupervisingBody",
    "SupervisionReportPage",
    "WorkingSession",
]
