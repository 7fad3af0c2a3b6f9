"""Mark closed calls whose every application is decided (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from kumppani.grants.services import close_decided_calls


class Command(BaseCommand):
    help = "Mark closed grant calls as decided when every submitted application has a decision."

    def handle(self, *args, **options):
        count = close_decided_calls()
        self.stdout.write(f"{count} call(s) marked decided.")
