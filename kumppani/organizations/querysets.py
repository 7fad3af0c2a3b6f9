from __future__ import annotations

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import translation

from kumppani.core.decisions import DecisionStatus

SEARCHABLE_FIELDS = [
    f"{field}_{lang}" for field in ("name", "description") for lang in ("fi", "sv", "en")
]


class OrganizationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=DecisionStatus.APPROVED)

    def public(self):
        """What the public directory and open data show."""
        return self.verified()

    def verified_nonprofits(self):
        return self.verified().filter(is_nonprofit=True)

    def pending(self):
        return self.filter(status=DecisionStatus.PENDING)

    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def administered_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role="admin")

    def search(self, text: str):
        """Words in the name or description, in any of the three languages."""
        query = self
        for word in text.split():
            # SQLite folds only ASCII letters; spelling out the cases finds "östra" in "Östra".
            variants = {word, word.lower(), word.capitalize(), word.upper()}
            condition = Q()
            for field in SEARCHABLE_FIELDS:
                for variant in variants:
                    condition |= Q(**{f"{field}__icontains": variant})
            query = query.filter(condition)
        return query

    def offering(self, kind: str):
        return self.filter(cooperations__direction="offers", cooperations__kind=kind)

    def seeking(self, kind: str):
        return self.filter(cooperations__direction="seeks", cooperations__kind=kind)

    def with_profile(self):
        """Everything a directory row or an API item shows, in a fixed number of queries."""
        return self.prefetch_related("themes", "districts", "languages", "cooperations")

    def by_name(self):
        """Alphabetical in the current language, falling back to the other languages."""
        language = translation.get_language() or "fi"
        lang = language[:2] if language[:2] in {"fi", "sv", "en"} else "fi"
        names = [NullIf(f"name_{code}", Value("")) for code in (lang, "fi", "sv", "en")]
        return self.order_by(Lower(Coalesce(*names)), "pk")
