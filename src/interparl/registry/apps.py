from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "interparl.registry"
    label = "registry"
    verbose_name = "Registry"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from interparl import signin

        from . import history

        signin.connect()
        history.connect()
