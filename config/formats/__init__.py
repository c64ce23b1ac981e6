"""Project date formats (FORMAT_MODULE_PATH): day first, dd/mm/yyyy, in every admin language.

Django's `vi` locale defines no *_INPUT_FORMATS, so forms fell back to the global defaults,
which read "08/12/2022" month first while WAGTAIL_DATE_FORMAT shows day first: dates moved
or were refused on save. Django looks up `config.formats.<language>.formats` before its own
locale files, attribute by attribute, so these modules only override what must change.
"""
