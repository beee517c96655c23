from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "interparl.ingestion"
    label = "ingestion"
    verbose_name = "Text ingestion"
    default_auto_field = "django.db.models.BigAutoField"
