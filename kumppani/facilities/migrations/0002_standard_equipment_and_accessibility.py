"""The standard vocabulary of equipment and accessibility features, in three languages."""

from django.db import migrations

EQUIPMENT = [
    ("projector", "Videotykki", "Projektor", "Projector"),
    ("screen", "Näyttö", "Bildskärm", "Display screen"),
    ("sound-system", "Äänentoisto", "Ljudanläggning", "Sound system"),
    ("microphone", "Mikrofoni", "Mikrofon", "Microphone"),
    ("stage", "Esiintymislava", "Scen", "Stage"),
    ("piano", "Piano", "Piano", "Piano"),
    ("kitchen", "Keittiö", "Kök", "Kitchen"),
    ("whiteboard", "Valkotaulu", "Whiteboard", "Whiteboard"),
    ("wifi", "Langaton verkko", "Trådlöst nätverk", "Wi-Fi"),
    ("video-conference", "Etäkokouslaitteet", "Utrustning för distansmöten", "Video conferencing"),
    ("ball-game-equipment", "Pallopelivälineet", "Utrustning för bollspel", "Ball game equipment"),
    ("gym-equipment", "Kuntosalilaitteet", "Gymutrustning", "Gym equipment"),
    ("changing-rooms", "Pukuhuoneet", "Omklädningsrum", "Changing rooms"),
    ("showers", "Suihkut", "Duschar", "Showers"),
    ("sewing-machines", "Ompelukoneet", "Symaskiner", "Sewing machines"),
    ("woodworking-tools", "Puutyökalut", "Träslöjdsverktyg", "Woodworking tools"),
    ("music-instruments", "Soittimet", "Musikinstrument", "Musical instruments"),
    ("recording-equipment", "Äänityslaitteet", "Inspelningsutrustning", "Recording equipment"),
    ("lighting", "Esitysvalaistus", "Scenbelysning", "Stage lighting"),
    ("floodlights", "Valaistus kentällä", "Strålkastare", "Floodlights"),
    ("tables-chairs", "Pöydät ja tuolit", "Bord och stolar", "Tables and chairs"),
    ("mirrors", "Peiliseinä", "Spegelvägg", "Mirror wall"),
]

ACCESSIBILITY = [
    ("step-free-access", "Esteetön kulku", "Tillgänglig entré", "Step-free access"),
    ("accessible-toilet", "Esteetön WC", "Tillgänglig toalett", "Accessible toilet"),
    ("induction-loop", "Induktiosilmukka", "Hörslinga", "Induction loop"),
    ("lift", "Hissi", "Hiss", "Lift"),
    ("accessible-parking", "Invapysäköinti", "Parkering för rörelsehindrade", "Accessible parking"),
    ("parking", "Pysäköinti", "Parkering", "Parking"),
    ("guide-dogs-welcome", "Opaskoirat tervetulleita", "Ledarhundar välkomna", "Guide dogs welcome"),
    ("tactile-guidance", "Kohokartta tai opasteet", "Taktil vägledning", "Tactile guidance"),
    ("quiet-space", "Hiljainen tila", "Tyst rum", "Quiet space"),
    ("changing-table", "Hoitopöytä", "Skötbord", "Baby changing table"),
]


def add_vocabulary(apps, schema_editor):
    for model_name, rows in (("Equipment", EQUIPMENT), ("AccessibilityFeature", ACCESSIBILITY)):
        model = apps.get_model("facilities", model_name)
        for slug, fi, sv, en in rows:
            model.objects.update_or_create(
                slug=slug, defaults={"name": fi, "name_fi": fi, "name_sv": sv, "name_en": en}
            )


class Migration(migrations.Migration):
    dependencies = [("facilities", "0001_catalogue_hours_rules_prices_needs")]

    operations = [migrations.RunPython(add_vocabulary, migrations.RunPython.noop)]
