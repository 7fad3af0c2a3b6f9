from django.core.management.base import BaseCommand

from kumppani.sanctions.retention import purge_expired_cases


class Command(BaseCommand):
    help = "Delete misuse cases 3 years after their sanction ended (run daily)."

    def handle(self, *args, **options) -> None:
        count = purge_expired_cases()
        self.stdout.write(f"Deleted {count} expired misuse cases.")
