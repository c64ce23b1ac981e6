"""One-file backups of an installation: the database, the media files and a manifest.

`manage.py backup` writes them (core.backup.archive.write_backup), `manage.py restore` puts
them back (core.backup.archive.restore_backup). The code knows no project app by name: row
counts cover every installed model, and the search index is rebuilt by calling the
`search_index` command by name, so core stays at the bottom of the layering.
"""
