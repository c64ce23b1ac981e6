"""Import articles from the old portal's JSONL export (see runner.import_articles).

records.py   reading the file, checking each line (Vietnamese reasons)
bodies.py    plain text or HTML body → the editor's rich text
sections.py  slash paths of section titles → NewsIndexPage, created when missing
tree.py      fast appends under a section, diacritics-free slugs
writer.py    creating/updating pages with revisions, publish state, original dates
indexes.py   search/reference index updates suspended per save, done in bulk after
runner.py    batches, savepoints, counts; apps' bulk-import hooks (search defers to the end)
"""

from .records import ImportFailed
from .runner import ImportReport, import_articles

__all__ = ["ImportFailed", "ImportReport", "import_articles"]
