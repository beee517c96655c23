from rich.progress import MofNCompleteColumn
from rich.table import Table

from interparl.commands import RegistryCommand, console_for, progress_bar
from interparl.errors import DatasetError

from ...models import WatchedPage
from ...watching import add, run_page
from ..acting import acting_user, add_actor_arguments

STYLES = {
    "new proposal": "bold green",
    "failed": "red",
    "no new facts": "dim",
    "not modified": "dim",
    "same text": "dim",
}


class Command(RegistryCommand):
    help = (
        "Watch an assembly's pages: `watch add URL --assembly ID`, `watch list`, `watch remove URL`, and "
        "`watch run`, which fetches each page and stores a proposal when what it states has changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["add", "list", "remove", "run"], help="What to do.")
        parser.add_argument("url", nargs="?", help="The page's address (add, remove).")
        parser.add_argument("--assembly", default=None, help="The assembly the page is about (add).")
        add_actor_arguments(parser, reason_required=False)

    def run(self, *args, action: str, url=None, assembly=None, user=None, **options):
        console = console_for(self.stdout)
        if action in ("add", "remove") and not url:
            raise DatasetError([f"watch {action}: give the page's address"])
        who = acting_user(user)
        if (
            who is not None
            and action != "list"
            and not who.has_perm(f"changes.{'add' if action != 'remove' else 'delete'}_watchedpage")
        ):
            raise DatasetError([f"{who.get_username()} may not change the watched pages"])
        if action == "add":
            from django.conf import settings

            page = add(url, assembly or settings.DEFAULT_ASSEMBLY, who)
            console.print(f"Watching {page.url} for {page.assembly}.")
        elif action == "remove":
            deleted, _ = WatchedPage.objects.filter(url=url).delete()
            if not deleted:
                raise DatasetError([f"{url} is not watched"])
            console.print(f"No longer watching {url}.")
        elif action == "list":
            table = Table(title="Watched pages")
            for column in ("Address", "Assembly", "Last checked", "Last result"):
                table.add_column(column, overflow="fold")
            for page in WatchedPage.objects.all():
                checked = f"{page.last_checked:%Y-%m-%d %H:%M}" if page.last_checked else "never"
                table.add_row(page.url, page.assembly, checked, page.last_status or "—")
            console.print(table)
        else:
            self.run_all(console)

    def run_all(self, console):
        pages = list(WatchedPage.objects.all())
        outcomes = []
        progress = progress_bar(self.stderr, "reading pages", MofNCompleteColumn())
        with progress:
            task = progress.add_task("pages", total=len(pages))
            for page in pages:
                outcomes.append(run_page(page))
                progress.advance(task)
        table = Table(title=f"{len(pages)} watched page(s)")
        for column in ("Address", "Result", "Detail"):
            table.add_column(column, overflow="fold")
        for outcome in outcomes:
            style = STYLES.get(outcome.status, "")
            table.add_row(outcome.page.url, f"[{style}]{outcome.status}[/]", outcome.detail)
        console.print(table)
