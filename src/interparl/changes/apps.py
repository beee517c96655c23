from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "interparl.changes"
    label = "changes"
    verbose_name = "Changes and review"
    default_auto_field = "django.db.models.BigAutoField"
