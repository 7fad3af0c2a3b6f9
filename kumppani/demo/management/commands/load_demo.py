"""`manage.py load_demo`: the demo city for `make run` (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kumppani.demo.loader import load_demo, print_sign_ins


class Command(BaseCommand):
    help = "Load the demo city: organizations, master data and demo sign-ins (safe to repeat)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off (the demo people have a published password).",
        )
        parser.add_argument(
            "--quiet-sign-ins", action="store_true", help="Do not print the demo sign-ins."
        )

    def handle(self, *args, force: bool = False, quiet_sign_ins: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo people share a published password. Load the demo only with DEBUG=true, "
                "or pass --force on a server that is not in production."
            )
        load_demo(stdout=self.stdout)
        if not quiet_sign_ins:
            print_sign_ins(self.stdout)
