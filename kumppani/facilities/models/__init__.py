from kumppani.facilities.models.catalogue import Facility, FacilityPart, FacilityPhoto, Unit
from kumppani.facilities.models.hours import HoursException, Season, WeeklyHours
from kumppani.facilities.models.needs import Need, NeedFrequency, NeedStatus
from kumppani.facilities.models.rules import RULE_FIELDS, Price, ReservationRules
from kumppani.facilities.models.vocabulary import (
    AccessibilityFeature,
    CustomerGroup,
    Equipment,
    FacilityType,
    PriceBasis,
    UnitType,
    Weekday,
    WhoMayBook,
)

__all__ = [
    "RULE_FIELDS",
    "AccessibilityFeature",
    "CustomerGroup",
    "Equipment",
    "Facility",
    "FacilityPart",
    "FacilityPhoto",
    "FacilityType",
    "HoursException",
    "Need",
    "NeedFrequency",
    "NeedStatus",
    "Price",
    "PriceBasis",
    "ReservationRules",
    "Season",
    "Unit",
    "UnitType",
    "Weekday",
    "WeeklyHours",
    "WhoMayBook",
]
