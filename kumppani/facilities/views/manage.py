"""Staff editing of facilities, parts, hours, rules, prices and photos, per managed unit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core.pagination import paginate, query_without_page
from kumppani.facilities import permissions, services
from kumppani.facilities.forms import (
    ExceptionForm,
    FacilityForm,
    HoursFormSet,
    NewFacilityForm,
    PartFormSet,
    PhotoForm,
    PriceForm,
    RulesForm,
    SeasonForm,
)
from kumppani.facilities.models import Facility, ReservationRules
from kumppani.facilities.rules import unit_rules

SAVED = _("Saved.")


def _errors_to_form(form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    permissions.require_catalogue_staff(request.user)
    units = permissions.units_for_user(request.user)
    facilities = Facility.objects.filter(unit__in=units).select_related("unit")
    text = request.GET.get("q", "").strip()[:100]
    if text:
        facilities = facilities.search(text)
    return render(
        request,
        "facilities/manage/index.html",
        {
            "units": units,
            "page": paginate(request, facilities.order_by("unit__name", "name")),
            "query": query_without_page(request),
            "q": text,
        },
    )


@login_required
def facility_new(request: HttpRequest) -> HttpResponse:
    permissions.require_catalogue_staff(request.user)
    units = permissions.units_for_user(request.user)
    form = NewFacilityForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        equipment, accessibility = data.pop("equipment"), data.pop("accessibility")
        names = {lang: data.pop(f"name_{lang}") for lang in ("fi", "sv", "en")}
        try:
            facility = services.create_facility(
                unit=data.pop("unit"),
                names=names,
                facility_type=data.pop("facility_type"),
                capacity=data.pop("capacity"),
                **{
                    key: value
                    for key, value in data.items()
                    if value is not None or key == "responsible"
                },
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            facility.equipment.set(equipment)
            facility.accessibility.set(accessibility)
            messages.success(request, SAVED)
            return redirect("facilities:manage_facility", pk=facility.pk)
    return render(request, "facilities/manage/facility_form.html", {"form": form})


@login_required
def facility_edit(request: HttpRequest, pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    form = FacilityForm(request.POST or None, instance=facility)
    if request.method == "POST" and form.is_valid():
        updated = form.save(commit=False)
        if updated.responsible_id is None:
            updated.responsible = facility.unit.responsible
        try:
            services.update_facility(
                facility=updated,
                equipment=form.cleaned_data["equipment"],
                accessibility=form.cleaned_data["accessibility"],
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_facility", pk=facility.pk)
    return render(
        request, "facilities/manage/facility_form.html", {"form": form, "facility": facility}
    )


@login_required
def facility_parts(request: HttpRequest, pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    initial = [
        {
            "code": p.code,
            "name_fi": p.name_fi,
            "name_sv": p.name_sv,
            "name_en": p.name_en,
            "capacity": p.capacity,
        }
        for p in facility.parts.all()
    ]
    formset = PartFormSet(request.POST or None, initial=initial, prefix="parts")
    error = None
    if request.method == "POST" and formset.is_valid():
        parts = [
            services.PartData(**{k: v for k, v in form.cleaned_data.items() if k != "DELETE"})
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.save_parts(facility=facility, parts=parts)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_parts", pk=facility.pk)
    return render(
        request,
        "facilities/manage/parts.html",
        {"facility": facility, "formset": formset, "error": error},
    )


@login_required
def facility_hours(request: HttpRequest, pk: int) -> HttpResponse:
    """Seasons and their weekly hours, and exceptions (closures, special hours)."""
    facility = permissions.get_facility_for_user(request.user, pk)
    season_form = SeasonForm(
        request.POST if "add_season" in request.POST else None, prefix="season"
    )
    exception_form = ExceptionForm(
        request.POST if "add_exception" in request.POST else None, prefix="exception"
    )
    if request.method == "POST":
        form = season_form if "add_season" in request.POST else exception_form
        if form.is_valid():
            try:
                season = _save_hours_form(facility, form)
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, SAVED)
                if season is not None:
                    return redirect("facilities:manage_season", pk=facility.pk, season_pk=season.pk)
                return redirect("facilities:manage_hours", pk=facility.pk)
    return render(
        request,
        "facilities/manage/hours.html",
        {
            "facility": facility,
            "seasons": facility.seasons.prefetch_related("hours"),
            "exceptions": facility.hours_exceptions.order_by("-date")[:200],
            "season_form": season_form,
            "exception_form": exception_form,
        },
    )


def _save_hours_form(facility: Facility, form):
    data = form.cleaned_data
    if isinstance(form, SeasonForm):
        return services.save_season(
            facility=facility,
            names={lang: data[f"name_{lang}"] for lang in ("fi", "sv", "en")},
            valid_from=data["valid_from"],
            valid_to=data["valid_to"],
        )
    services.add_exception(
        facility=facility,
        first_day=data["first_day"],
        last_day=data["last_day"],
        opens=data["opens"],
        closes=data["closes"],
        reasons={lang: data[f"reason_{lang}"] for lang in ("fi", "sv", "en")},
    )
    return None


@login_required
def season_edit(request: HttpRequest, pk: int, season_pk: int) -> HttpResponse:
    season = permissions.get_season_for_user(request.user, pk, season_pk)
    initial = [
        {"weekday": h.weekday, "opens": h.opens, "closes": h.closes} for h in season.hours.all()
    ]
    formset = HoursFormSet(request.POST or None, initial=initial, prefix="hours")
    error = None
    if request.method == "POST" and formset.is_valid():
        intervals = [
            (form.cleaned_data["weekday"], form.cleaned_data["opens"], form.cleaned_data["closes"])
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.set_weekly_hours(season=season, intervals=intervals)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_hours", pk=season.facility_id)
    return render(
        request,
        "facilities/manage/season.html",
        {"facility": season.facility, "season": season, "formset": formset, "error": error},
    )


@require_POST
@login_required
def season_delete(request: HttpRequest, pk: int, season_pk: int) -> HttpResponse:
    season = permissions.get_season_for_user(request.user, pk, season_pk)
    services.delete_season(season=season)
    messages.success(request, _("The season was removed."))
    return redirect("facilities:manage_hours", pk=pk)


@require_POST
@login_required
def exception_delete(request: HttpRequest, pk: int, exception_pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    facility.hours_exceptions.filter(pk=exception_pk).delete()
    messages.success(request, _("The exception was removed."))
    return redirect("facilities:manage_hours", pk=pk)


@login_required
def facility_rules(request: HttpRequest, pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    instance = ReservationRules.objects.filter(facility=facility).first()
    form = RulesForm(request.POST or None, instance=instance, inherit=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_rules(facility=facility, values=form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_rules", pk=facility.pk)
    return render(
        request,
        "facilities/manage/rules.html",
        {"facility": facility, "form": form, "unit_rules": unit_rules(facility.unit)},
    )


@login_required
def unit_rules_edit(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = permissions.get_unit_for_user(request.user, unit_pk)
    instance = ReservationRules.objects.filter(unit=unit).first()
    form = RulesForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_rules(unit=unit, values=form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_unit_rules", unit_pk=unit.pk)
    return render(request, "facilities/manage/unit_rules.html", {"unit": unit, "form": form})


@login_required
def facility_prices(request: HttpRequest, pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    form = PriceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_price(facility=facility, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, SAVED)
            return redirect("facilities:manage_prices", pk=facility.pk)
    return render(
        request,
        "facilities/manage/prices.html",
        {
            "facility": facility,
            "form": form,
            "prices": facility.prices.order_by("customer_group", "-valid_from"),
        },
    )


@login_required
def facility_photos(request: HttpRequest, pk: int) -> HttpResponse:
    facility = permissions.get_facility_for_user(request.user, pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.add_photo(
            facility=facility,
            image=form.cleaned_data["image"],
            alt_texts={lang: form.cleaned_data[f"alt_text_{lang}"] for lang in ("fi", "sv", "en")},
        )
        messages.success(request, SAVED)
        return redirect("facilities:manage_photos", pk=facility.pk)
    return render(
        request,
        "facilities/manage/photos.html",
        {"facility": facility, "form": form, "photos": facility.photos.all()},
    )


@require_POST
@login_required
def photo_delete(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    photo = permissions.get_photo_for_user(request.user, pk, photo_pk)
    services.delete_photo(photo=photo)
    messages.success(request, _("The photo was removed."))
    return redirect("facilities:manage_photos", pk=pk)
