from django.shortcuts import render
from django.utils import timezone

from interparl.registry import selectors


def home(request):
    """The assembly at a glance, straight from the database."""
    assembly = selectors.default_assembly()
    today = timezone.localdate()
    context = {"composition": selectors.composition(assembly, today) if assembly else None, "today": today}
    return render(request, "portal/home.html", context)
