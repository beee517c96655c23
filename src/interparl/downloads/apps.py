from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "interparl.downloads"
    label = "downloads"
    verbose_name = "Bulk downloads (Popolo JSON, CSV, iCalendar, Atom)"
