from django.db import transaction

from kumppani.core.gdpr import erase_for


@transaction.atomic
def delete_account(*, user) -> None:
    """GDPR erasure. Apps anonymise what the law requires them to keep, then the person goes."""
    erase_for(user)
    user.delete()
