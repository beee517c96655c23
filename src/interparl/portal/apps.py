from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "interparl.portal"
    label = "portal"
    verbose_name = "Public portal"
