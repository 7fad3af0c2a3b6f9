"""The demo sign-ins: one person for each way of using Kumppani."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPerson:
    email: str
    full_name: str
    role: str | None  # a staff role from kumppani.accounts.models.Role, or None
    what: str  # shown when the demo is loaded
    superuser: bool = False


PEOPLE = [
    DemoPerson("resident@example.org", "Aino Virtanen", None, "resident"),
    DemoPerson(
        "orgadmin@example.org",
        "Mikko Korhonen",
        None,
        "admin of two associations, member of a third",
    ),
    DemoPerson("facilities@example.org", "Sari Nieminen", "facility_manager", "facility manager"),
    DemoPerson("grants@example.org", "Jukka Mäkinen", "grant_officer", "grant officer"),
    DemoPerson("liaison@example.org", "Leena Hämäläinen", "liaison", "organization liaison"),
    DemoPerson("moderator@example.org", "Pekka Laine", "moderator", "moderator"),
    DemoPerson(
        "admin@example.org",
        "Anna Heikkinen",
        "administrator",
        "administrator, also of the admin site",
        superuser=True,
    ),
]

LIAISON = {
    "email": "liaison@example.org",
    "title": ("Järjestöyhdyshenkilö", "Kontaktperson för organisationer", "Organization liaison"),
    "phone": "+358 40 639 2210",
}
