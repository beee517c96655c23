from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "interparl.api"
    label = "api"
    verbose_name = "Open-data API"
