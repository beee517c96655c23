from ..base import RegistryCommand


class Command(RegistryCommand):
    help = "Prepare the database (migrate, load the built-in dataset) and serve the application with waitress."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def run(self, *args, host="127.0.0.1", port=8000, threads=8, **options):
        from waitress import serve

        from interparl.wsgi import application

        self.stdout.write(f"interparl serving on http://{host}:{port}/ (Ctrl+C to stop)")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="interparl")
