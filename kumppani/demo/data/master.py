"""Master data of the demo city: districts, themes, target groups and languages.

Names are given as (Finnish, Swedish, English). The districts are fictional.
"""

DISTRICTS = {
    "keskusta": ("Keskusta", "Centrum", "City Centre"),
    "itaranta": ("Itäranta", "Östra stranden", "East Shore"),
    "lansimaki": ("Länsimäki", "Västerbacka", "West Hill"),
    "pohjoispuisto": ("Pohjoispuisto", "Norra parken", "North Park"),
    "etelasatama": ("Eteläsatama", "Södra hamnen", "South Harbour"),
    "koivula": ("Koivula", "Björkby", "Birchwood"),
    "myllykyla": ("Myllykylä", "Kvarnby", "Mill Village"),
    "rantakallio": ("Rantakallio", "Strandberget", "Shore Cliff"),
    "kirkonkyla": ("Kirkonkylä", "Kyrkbyn", "Church Village"),
    "lehtoniemi": ("Lehtoniemi", "Lundudden", "Grove Point"),
}

THEMES = {
    "sports": ("Liikunta ja urheilu", "Idrott och motion", "Sports and exercise"),
    "culture": ("Kulttuuri ja taide", "Kultur och konst", "Culture and arts"),
    "youth": ("Nuoriso", "Ungdom", "Youth"),
    "elderly": ("Ikääntyneet", "Äldre", "Older people"),
    "social-welfare": ("Sosiaali- ja terveysala", "Social- och hälsovård", "Social welfare"),
    "environment": ("Ympäristö ja luonto", "Miljö och natur", "Environment and nature"),
    "immigrants": ("Maahanmuuttajat ja kotoutuminen", "Invandrare och integration", "Immigrants"),
    "education": ("Koulutus ja sivistys", "Utbildning och bildning", "Education"),
    "residents": ("Asukastoiminta", "Invånarverksamhet", "Residents' activities"),
    "children-families": ("Lapset ja perheet", "Barn och familjer", "Children and families"),
}

TARGET_GROUPS = {
    "children": ("Lapset", "Barn", "Children"),
    "young-people": ("Nuoret", "Unga", "Young people"),
    "families": ("Lapsiperheet", "Barnfamiljer", "Families with children"),
    "older-people": ("Ikäihmiset", "Äldre personer", "Older people"),
    "disabled-people": (
        "Vammaiset henkilöt",
        "Personer med funktionsnedsättning",
        "Disabled people",
    ),
    "immigrants": ("Maahan muuttaneet", "Inflyttade från utlandet", "Immigrants"),
    "unemployed": ("Työttömät", "Arbetslösa", "Unemployed people"),
    "students": ("Opiskelijat", "Studerande", "Students"),
    "all-residents": ("Kaikki asukkaat", "Alla invånare", "All residents"),
}

# Languages are named in the language itself, which reads the same in every interface language.
LANGUAGES = {
    "fi": "suomi",
    "sv": "svenska",
    "en": "English",
    "ru": "русский",
    "et": "eesti",
    "so": "Soomaali",
    "ar": "العربية",
    "fa": "فارسی",
    "uk": "українська",
    "se": "davvisámegiella",
    "fse": "suomalainen viittomakieli",
}
