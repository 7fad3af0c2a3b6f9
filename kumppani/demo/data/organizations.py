"""About thirty organizations of every type in the fictional demo city.

Identifiers are valid (check digits verified by the demo tests with python-stdnum) but invented.
Text is given as (Finnish, Swedish, English); an empty translation falls back to Finnish.
"""

from dataclasses import dataclass

APPROVED, PENDING, REJECTED = "approved", "pending", "rejected"


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    org_type: str
    name: tuple[str, str, str]
    description: tuple[str, str, str]
    themes: tuple[str, ...]
    districts: tuple[str, ...]
    is_nonprofit: bool = True
    business_id: str = ""
    association_number: str = ""
    founded_year: int | None = None
    member_count: int | None = None
    languages: tuple[str, ...] = ("fi",)
    target_groups: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    seeks: tuple[str, ...] = ()
    offers_text: tuple[str, str, str] = ("", "", "")
    seeks_text: tuple[str, str, str] = ("", "", "")
    public_phone: str = ""
    status: str = APPROVED
    reason: str = ""

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example.org"

    @property
    def public_email(self) -> str:
        return f"info@{self.slug}.example.org"


ORGANIZATIONS = [
    # --- Registered associations ------------------------------------------------------------
    DemoOrganization(
        slug="itarannan-kotiseutuyhdistys",
        org_type="association",
        name=("Itärannan kotiseutuyhdistys ry", "Östra strandens hembygdsförening rf", ""),
        description=(
            "Vaalimme Itärannan historiaa ja yhteisöllisyyttä. Järjestämme kotiseutukävelyjä, "
            "asukasiltoja ja joka elokuu Itärannan kyläjuhlat.",
            "Vi vårdar Östra strandens historia och gemenskap. Vi ordnar hembygdsvandringar, "
            "invånarkvällar och varje augusti Östra strandens byfest.",
            "We look after the history and community spirit of East Shore. We organise local "
            "history walks, residents' evenings and the East Shore village fair every August.",
        ),
        themes=("residents", "culture"),
        districts=("itaranta",),
        business_id="2358253-3",
        association_number="143587",
        founded_year=1978,
        member_count=240,
        languages=("fi", "sv"),
        target_groups=("all-residents", "older-people"),
        offers=("venues", "expertise"),
        seeks=("volunteers", "partners"),
        offers_text=(
            "Kerhohuoneemme on lainattavissa iltaisin pienille ryhmille.",
            "Vår klubblokal kan lånas kvällstid av små grupper.",
            "Our club room can be borrowed by small groups in the evenings.",
        ),
        seeks_text=(
            "Etsimme talkoolaisia kyläjuhlien järjestelyihin.",
            "Vi söker frivilliga till byfestens arrangemang.",
            "We are looking for volunteers to help organise the village fair.",
        ),
        public_phone="+358 40 512 3301",
    ),
    DemoOrganization(
        slug="koivulan-palloseura",
        org_type="association",
        name=("Koivulan Palloseura ry", "Björkby Bollklubb rf", "Birchwood Football Club"),
        description=(
            "Jalkapalloseura, jossa pelaa yli 500 lasta ja nuorta. Harrastejoukkueisiin pääsee "
            "mukaan ilman kilpailutavoitteita, ja kausimaksuun voi hakea tukea.",
            "Fotbollsklubb med över 500 spelande barn och unga. Hobbylagen tar emot alla utan "
            "tävlingsmål, och man kan ansöka om stöd för säsongsavgiften.",
            "A football club with more than 500 children and young players. Anyone can join the "
            "recreational teams without competitive goals, and help with the season fee is "
            "available.",
        ),
        themes=("sports", "youth", "children-families"),
        districts=("koivula", "lansimaki"),
        business_id="1632707-5",
        association_number="98754",
        founded_year=1962,
        member_count=680,
        languages=("fi", "sv", "en"),
        target_groups=("children", "young-people", "families"),
        offers=("volunteers",),
        seeks=("venues", "volunteers", "funding"),
        seeks_text=(
            "Tarvitsemme talvikaudelle lisää salivuoroja arki-iltaisin 17–20.",
            "Vi behöver fler salstider på vardagskvällar 17–20 under vintersäsongen.",
            "We need more indoor hall slots on weekday evenings 17–20 in the winter season.",
        ),
        public_phone="+358 50 441 2290",
    ),
    DemoOrganization(
        slug="kulttuuriyhdistys-kaiku",
        org_type="association",
        name=(
            "Kulttuuriyhdistys Kaiku ry",
            "Kulturföreningen Kaiku rf",
            "Kaiku Culture Association",
        ),
        description=(
            "Kaiku tuo keskustaan pieniä konsertteja, runoiltoja ja nuorten bändien "
            "keikkoja. Kaikki tapahtumamme ovat maksuttomia ja esteettömiä.",
            "Kaiku ordnar små konserter, poesikvällar och spelningar med unga band i centrum. "
            "Alla våra evenemang är avgiftsfria och tillgängliga.",
            "Kaiku brings small concerts, poetry evenings and gigs by young bands to the city "
            "centre. All our events are free of charge and accessible.",
        ),
        themes=("culture", "youth"),
        districts=("keskusta",),
        business_id="1202527-2",
        association_number="210334",
        founded_year=2009,
        member_count=85,
        languages=("fi", "en"),
        target_groups=("young-people", "all-residents"),
        offers=("expertise", "equipment"),
        seeks=("venues", "partners"),
    ),
    DemoOrganization(
        slug="lansimaen-elakelaiset",
        org_type="association",
        name=("Länsimäen Eläkeläiset ry", "Västerbacka pensionärer rf", ""),
        description=(
            "Viikoittaista kerhotoimintaa, tuolijumppaa, retkiä ja vertaistukea Länsimäen "
            "ikäihmisille. Uudet jäsenet ovat aina tervetulleita.",
            "Klubbverksamhet varje vecka, stolgympa, utflykter och kamratstöd för äldre i "
            "Västerbacka. Nya medlemmar är alltid välkomna.",
            "Weekly club meetings, chair exercise, excursions and peer support for older people "
            "in West Hill. New members are always welcome.",
        ),
        themes=("elderly", "sports"),
        districts=("lansimaki",),
        business_id="1303819-8",
        association_number="56218",
        founded_year=1971,
        member_count=310,
        target_groups=("older-people",),
        offers=("volunteers",),
        seeks=("venues",),
    ),
    DemoOrganization(
        slug="naisyhdistys-silta",
        org_type="association",
        name=(
            "Monikulttuurinen naisyhdistys Silta ry",
            "Mångkulturella kvinnoföreningen Silta rf",
            "Silta Multicultural Women's Association",
        ),
        description=(
            "Silta tukee maahan muuttaneiden naisten kotoutumista: suomen kielen "
            "keskusteluryhmiä, työnhakuneuvontaa ja äiti–lapsi-kerhoja.",
            "Silta stöder integrationen av invandrade kvinnor: samtalsgrupper i finska, "
            "arbetssökarrådgivning och mamma–barn-klubbar.",
            "Silta supports the integration of immigrant women: Finnish conversation groups, "
            "job-seeking advice and mother-and-child clubs.",
        ),
        themes=("immigrants", "social-welfare", "children-families"),
        districts=("rantakallio", "myllykyla"),
        business_id="1394810-8",
        association_number="203877",
        founded_year=2012,
        member_count=140,
        languages=("fi", "en", "so", "ar", "ru"),
        target_groups=("immigrants", "families"),
        offers=("expertise", "volunteers"),
        seeks=("venues", "funding", "partners"),
        public_phone="+358 44 780 1123",
    ),
    DemoOrganization(
        slug="pohjoispuiston-partiolaiset",
        org_type="association",
        name=("Pohjoispuiston Partiolaiset ry", "Norra parkens scouter rf", "North Park Scouts"),
        description=(
            "Partiota 7–22-vuotiaille: viikoittaiset kokoukset, retket ja leirit. "
            "Opettelemme luonnossa liikkumista ja vastuunkantoa.",
            "Scouting för 7–22-åringar: veckomöten, utfärder och läger. Vi lär oss röra oss i "
            "naturen och ta ansvar.",
            "Scouting for ages 7–22: weekly meetings, hikes and camps. We learn outdoor skills "
            "and responsibility.",
        ),
        themes=("youth", "children-families", "environment"),
        districts=("pohjoispuisto",),
        business_id="2533810-4",
        association_number="112640",
        founded_year=1955,
        member_count=190,
        languages=("fi", "sv"),
        target_groups=("children", "young-people"),
        offers=("equipment", "volunteers"),
        seeks=("venues",),
        offers_text=(
            "Lainaamme kaupunkilaisille telttoja ja trangioita tapahtumiin.",
            "Vi lånar ut tält och stormkök till evenemang.",
            "We lend tents and camping stoves to residents' events.",
        ),
    ),
    DemoOrganization(
        slug="myllykylan-asukasyhdistys",
        org_type="association",
        name=("Myllykylän asukasyhdistys ry", "Kvarnby invånarförening rf", ""),
        description=(
            "Asukkaiden ääni Myllykylässä: kommentoimme kaavoitusta, järjestämme siivoustalkoot "
            "ja ylläpidämme yhteisöpuutarhaa.",
            "Invånarnas röst i Kvarnby: vi kommenterar planeringen, ordnar städtalkon och sköter "
            "en gemenskapsträdgård.",
            "The residents' voice in Mill Village: we comment on land-use plans, organise clean-up "
            "days and run a community garden.",
        ),
        themes=("residents", "environment"),
        districts=("myllykyla",),
        business_id="1243265-2",
        association_number="187452",
        founded_year=1989,
        member_count=120,
        target_groups=("all-residents",),
        offers=("volunteers",),
        seeks=("partners", "equipment"),
    ),
    DemoOrganization(
        slug="etelasataman-soutajat",
        org_type="association",
        name=("Eteläsataman Soutajat ry", "Södra hamnens roddare rf", "South Harbour Rowers"),
        description=(
            "Kirkkovenesoutua ja melontaa kesäisin, sisäsoutua talvella. Kokeiluillat "
            "toukokuussa kaikille kiinnostuneille.",
            "Kyrkbåtsrodd och paddling på sommaren, inomhusrodd på vintern. Prova-på-kvällar i maj "
            "för alla intresserade.",
            "Church-boat rowing and paddling in summer, indoor rowing in winter. Taster evenings "
            "in May for anyone interested.",
        ),
        themes=("sports", "environment"),
        districts=("etelasatama",),
        business_id="1900509-8",
        association_number="77315",
        founded_year=1994,
        member_count=160,
        target_groups=("all-residents",),
        offers=("equipment",),
        seeks=("volunteers",),
    ),
    DemoOrganization(
        slug="lehtoniemen-luonnonsuojelijat",
        org_type="association",
        name=(
            "Lehtoniemen luonnonsuojeluyhdistys ry",
            "Naturskyddsföreningen i Lundudden rf",
            "Grove Point Nature Conservation Society",
        ),
        description=(
            "Retkiä, lintulaskentoja ja vieraslajitalkoita. Teemme yhteistyötä koulujen "
            "kanssa ympäristökasvatuksessa.",
            "Utfärder, fågelräkningar och talkon mot främmande arter. Vi samarbetar med skolor "
            "kring miljöfostran.",
            "Nature walks, bird counts and invasive-species clearing days. We work with schools "
            "on environmental education.",
        ),
        themes=("environment", "education"),
        districts=("lehtoniemi", "pohjoispuisto"),
        business_id="1157268-8",
        association_number="150221",
        founded_year=1983,
        member_count=95,
        languages=("fi", "sv"),
        target_groups=("all-residents", "children"),
        offers=("expertise", "volunteers"),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="mielenterveysyhdistys-tuulia",
        org_type="association",
        name=("Mielenterveysyhdistys Tuulia ry", "Föreningen för psykisk hälsa Tuulia rf", ""),
        description=(
            "Matalan kynnyksen kohtaamispaikka ja vertaisryhmiä mielenterveyskuntoutujille ja "
            "heidän läheisilleen. Avoinna arkisin 10–16.",
            "Lågtröskelmötesplats och kamratgrupper för personer med psykisk ohälsa och deras "
            "närstående. Öppet vardagar 10–16.",
            "A low-threshold drop-in centre and peer groups for people recovering from mental "
            "health problems and their families. Open on weekdays 10–16.",
        ),
        themes=("social-welfare",),
        districts=("keskusta",),
        business_id="1360488-2",
        association_number="169904",
        founded_year=1997,
        member_count=210,
        target_groups=("all-residents", "unemployed"),
        offers=("expertise", "venues"),
        seeks=("volunteers",),
        public_phone="+358 45 230 9910",
    ),
    DemoOrganization(
        slug="rantakallion-nuorisoseura",
        org_type="association",
        name=("Rantakallion Nuorisoseura ry", "Strandbergets ungdomsförening rf", ""),
        description=(
            "Nuorisoseuran talolla toimii teatteripiiri, kansantanssiryhmä ja nuorten "
            "oma kahvila. Talon salia vuokrataan myös juhliin.",
            "I ungdomsföreningens hus finns en teatercirkel, en folkdansgrupp och ungdomarnas "
            "eget kafé. Salen hyrs också ut för fester.",
            "The youth society's hall hosts a theatre circle, a folk dance group and a café run "
            "by young people. The hall can also be rented for parties.",
        ),
        themes=("youth", "culture"),
        districts=("rantakallio",),
        business_id="2818841-2",
        association_number="32117",
        founded_year=1921,
        member_count=130,
        target_groups=("young-people", "children"),
        offers=("venues",),
        seeks=("volunteers", "funding"),
    ),
    DemoOrganization(
        slug="perheyhdistys-dialogi",
        org_type="association",
        name=(
            "Monikielisten perheiden yhdistys Dialogi ry",
            "Föreningen för flerspråkiga familjer Dialogi rf",
            "Dialogi Association for Multilingual Families",
        ),
        description=(
            "Kotikielten kerhoja lapsille, vanhempien vertaisryhmiä ja perhetapahtumia "
            "venäjäksi, viroksi, ukrainaksi ja suomeksi.",
            "Modersmålsklubbar för barn, kamratgrupper för föräldrar och familjeevenemang på "
            "ryska, estniska, ukrainska och finska.",
            "Home-language clubs for children, peer groups for parents and family events in "
            "Russian, Estonian, Ukrainian and Finnish.",
        ),
        themes=("immigrants", "children-families", "education"),
        districts=("lansimaki", "koivula"),
        business_id="2009413-9",
        association_number="221078",
        founded_year=2015,
        member_count=75,
        languages=("fi", "ru", "et", "uk"),
        target_groups=("families", "immigrants", "children"),
        offers=("expertise",),
        seeks=("venues", "volunteers"),
    ),
    DemoOrganization(
        slug="kyrkbyns-svenska-forening",
        org_type="association",
        name=("Kyrkbyns svenska förening rf", "Kyrkbyns svenska förening rf", ""),
        description=(
            "Ruotsinkielistä kulttuuri- ja perhetoimintaa Kirkonkylässä: lauluilta, "
            "lastenteatteria ja joulumyyjäiset.",
            "Svenskspråkig kultur- och familjeverksamhet i Kyrkbyn: allsångskvällar, barnteater "
            "och julbasar.",
            "Swedish-language culture and family activities in Church Village: sing-alongs, "
            "children's theatre and a Christmas fair.",
        ),
        themes=("culture", "children-families"),
        districts=("kirkonkyla",),
        business_id="2780562-6",
        association_number="8821",
        founded_year=1948,
        member_count=260,
        languages=("sv", "fi"),
        target_groups=("families", "all-residents"),
        offers=("volunteers", "venues"),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="keskustan-tyottomat",
        org_type="association",
        name=("Keskustan Työttömät ry", "Arbetslösa i centrum rf", ""),
        description=(
            "Päivätoimintaa, edullinen lounas ja apua työnhakuun työttömille ja pienituloisille.",
            "Dagverksamhet, förmånlig lunch och hjälp med jobbsökandet för arbetslösa och "
            "låginkomsttagare.",
            "Day activities, an affordable lunch and help with job seeking for unemployed and "
            "low-income people.",
        ),
        themes=("social-welfare",),
        districts=("keskusta",),
        business_id="1247927-4",
        association_number="118905",
        founded_year=1993,
        member_count=60,
        target_groups=("unemployed",),
        seeks=("venues", "volunteers"),
        status=PENDING,
    ),
    DemoOrganization(
        slug="kirkonkylan-shakkikerho",
        org_type="association",
        name=("Kirkonkylän Shakkikerho ry", "Kyrkbyns schackklubb rf", ""),
        description=(
            "Shakkia kaikenikäisille: viikkoturnaukset kirjastolla ja junioriryhmä lauantaisin.",
            "Schack för alla åldrar: veckoturneringar på biblioteket och en juniorgrupp på "
            "lördagar.",
            "Chess for all ages: weekly tournaments at the library and a junior group on "
            "Saturdays.",
        ),
        themes=("sports", "youth", "elderly"),
        districts=("kirkonkyla",),
        business_id="1519263-1",
        association_number="204516",
        founded_year=2001,
        member_count=45,
        target_groups=("all-residents", "young-people"),
        seeks=("venues",),
        status=PENDING,
    ),
    DemoOrganization(
        slug="koivulan-vanhempainyhdistys",
        org_type="association",
        name=(
            "Koivulan koulun vanhempainyhdistys ry",
            "Föräldraföreningen vid Björkby skola rf",
            "",
        ),
        description=(
            "Koulun vanhempien yhdistys: järjestämme koulun discot, kevätmyyjäiset ja "
            "välituntiliikunnan välineet.",
            "Föräldraförening vid skolan: vi ordnar skoldiscon, vårbasarer och redskap för "
            "rastmotion.",
            "The school's parents' association: we organise school discos, the spring fair and "
            "equipment for break-time games.",
        ),
        themes=("children-families", "education"),
        districts=("koivula",),
        business_id="1259468-6",
        association_number="226390",
        founded_year=2018,
        member_count=150,
        target_groups=("children", "families"),
        seeks=("funding",),
        status=PENDING,
    ),
    DemoOrganization(
        slug="verkkovoittajat",
        org_type="association",
        name=("Verkkovoittajat ry", "", ""),
        description=(
            "Valtakunnallinen verkkopelaajien yhdistys.",
            "Riksomfattande förening för onlinespelare.",
            "A national association of online gamers.",
        ),
        themes=("youth",),
        districts=(),
        business_id="2663798-2",
        association_number="230017",
        founded_year=2021,
        member_count=12,
        status=REJECTED,
        reason=(
            "Yhdistys ei toimi kaupungin alueella eikä sillä ole täällä paikallista toimintaa. "
            "Voitte hakea uudelleen, kun yhdistyksellä on paikallista toimintaa."
        ),
    ),
    # --- Foundations ------------------------------------------------------------------------
    DemoOrganization(
        slug="saatio-toivo",
        org_type="foundation",
        name=("Lasten ja nuorten säätiö Toivo sr", "Stiftelsen Toivo för barn och unga sr", ""),
        description=(
            "Säätiö tukee lasten ja nuorten harrastamista: jaamme harrastusstipendejä ja "
            "rahoitamme kerhoja kouluilla.",
            "Stiftelsen stöder barns och ungas hobbyer: vi delar ut hobbystipendier och "
            "finansierar klubbar i skolorna.",
            "The foundation supports children's and young people's hobbies: we award hobby "
            "grants and fund school clubs.",
        ),
        themes=("youth", "children-families", "education"),
        districts=("keskusta", "koivula", "myllykyla"),
        business_id="1207992-4",
        founded_year=1986,
        target_groups=("children", "young-people"),
        offers=("funding", "partners"),
    ),
    DemoOrganization(
        slug="teatterisaatio-valokeila",
        org_type="foundation",
        name=("Teatterisäätiö Valokeila sr", "Teaterstiftelsen Strålkastaren sr", ""),
        description=(
            "Ylläpidämme Valokeila-teatteria ja sen harrastajanäyttämöä. Lavaa voi vuokrata "
            "myös yhdistysten esityksiin.",
            "Vi driver teatern Strålkastaren och dess amatörscen. Scenen kan också hyras för "
            "föreningars föreställningar.",
            "We run the Valokeila theatre and its amateur stage. The stage can also be rented "
            "for associations' performances.",
        ),
        themes=("culture",),
        districts=("keskusta",),
        business_id="1195381-9",
        founded_year=1966,
        languages=("fi", "sv"),
        target_groups=("all-residents",),
        offers=("venues", "expertise"),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="palvelusaatio-kotiranta",
        org_type="foundation",
        name=("Palvelusäätiö Kotiranta sr", "Servicestiftelsen Hemstranden sr", ""),
        description=(
            "Kotiranta tarjoaa ikäihmisille palveluasumista sekä avointa päivätoimintaa "
            "Itärannassa.",
            "Hemstranden erbjuder äldre serviceboende och öppen dagverksamhet på Östra stranden.",
            "Kotiranta provides assisted living and open day activities for older people in "
            "East Shore.",
        ),
        themes=("elderly", "social-welfare"),
        districts=("itaranta",),
        business_id="1558575-0",
        founded_year=1958,
        languages=("fi", "sv"),
        target_groups=("older-people", "disabled-people"),
        offers=("venues",),
        seeks=("volunteers", "partners"),
        public_phone="+358 9 412 3300",
    ),
    # --- Companies --------------------------------------------------------------------------
    DemoOrganization(
        slug="liikuntakeskus-areena",
        org_type="company",
        name=("Liikuntakeskus Areena Oy", "Idrottscentret Arena Ab", ""),
        description=(
            "Yksityinen liikuntakeskus, jossa on kaksi palloiluhallia ja kuntosali. Tarjoamme "
            "seuroille edullisia päivävuoroja.",
            "Privat idrottscenter med två bollhallar och ett gym. Vi erbjuder föreningar "
            "förmånliga dagtider.",
            "A private sports centre with two ball-game halls and a gym. We offer clubs "
            "affordable daytime slots.",
        ),
        themes=("sports",),
        districts=("lansimaki",),
        is_nonprofit=False,
        business_id="2214709-7",
        founded_year=2006,
        offers=("venues",),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="myllykylan-kahvila",
        org_type="company",
        name=("Myllykylän Kahvila Oy", "Kvarnby Kafé Ab", ""),
        description=(
            "Lähiökahvila, jonka takahuone on iltaisin maksutta yhdistysten kokouskäytössä.",
            "Ett kvarterskafé vars bakre rum föreningar kan använda gratis för möten på kvällen.",
            "A neighbourhood café whose back room is free for associations' meetings in the "
            "evenings.",
        ),
        themes=("residents",),
        districts=("myllykyla",),
        is_nonprofit=False,
        business_id="2757996-4",
        founded_year=2016,
        offers=("venues",),
    ),
    DemoOrganization(
        slug="tapahtumatekniikka-kajo",
        org_type="company",
        name=(
            "Tapahtumatekniikka Kajo Oy",
            "Evenemangsteknik Kajo Ab",
            "Kajo Event Technology Ltd",
        ),
        description=(
            "Ääni- ja valotekniikkaa tapahtumiin. Yhdistyksille erikoishinnat ja "
            "tekniikkakoulutusta vapaaehtoisille.",
            "Ljud- och ljusteknik för evenemang. Specialpriser för föreningar och teknikkurser "
            "för frivilliga.",
            "Sound and lighting for events. Special prices for associations and technical "
            "training for volunteers.",
        ),
        themes=("culture",),
        districts=("etelasatama",),
        is_nonprofit=False,
        business_id="1292994-1",
        founded_year=2011,
        offers=("equipment", "expertise"),
    ),
    DemoOrganization(
        slug="ymparistokonsultit-verso",
        org_type="company",
        name=("Ympäristökonsultit Verso Oy", "Miljökonsulterna Verso Ab", ""),
        description=(
            "Luontoselvityksiä ja ympäristökasvatusta. Osallistumme vapaaehtoisesti "
            "asukkaiden luontotalkoisiin asiantuntijoina.",
            "Naturinventeringar och miljöfostran. Vi deltar frivilligt som experter i "
            "invånarnas naturtalkon.",
            "Nature surveys and environmental education. Our experts volunteer at residents' "
            "nature work days.",
        ),
        themes=("environment", "education"),
        districts=("lehtoniemi",),
        is_nonprofit=False,
        business_id="1780116-2",
        founded_year=2014,
        offers=("expertise",),
        seeks=("partners",),
    ),
    # --- Cooperatives -----------------------------------------------------------------------
    DemoOrganization(
        slug="osuuskunta-kipina",
        org_type="cooperative",
        name=("Kulttuuriosuuskunta Kipinä", "Kulturandelslaget Gnistan", ""),
        description=(
            "Taiteilijoiden osuuskunta, joka ylläpitää työtiloja ja järjestää työpajoja "
            "lapsille ja aikuisille.",
            "Konstnärernas andelslag som driver arbetsrum och ordnar verkstäder för barn och "
            "vuxna.",
            "An artists' cooperative that runs studios and organises workshops for children and "
            "adults.",
        ),
        themes=("culture", "education"),
        districts=("keskusta", "etelasatama"),
        business_id="2431337-8",
        founded_year=2013,
        member_count=24,
        target_groups=("children", "all-residents"),
        offers=("venues", "expertise"),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="lahiruokaosuuskunta",
        org_type="cooperative",
        name=("Rantakallion Lähiruokaosuuskunta", "Strandbergets närmatsandelslag", ""),
        description=(
            "Jäsenten omistama ruokapiiri, joka tuo lähitilojen tuotteet noutopisteeseen "
            "joka torstai.",
            "En matring som ägs av medlemmarna och hämtar produkter från närgårdar till en "
            "utlämningsplats varje torsdag.",
            "A member-owned food circle that brings produce from nearby farms to a pick-up point "
            "every Thursday.",
        ),
        themes=("environment", "residents"),
        districts=("rantakallio",),
        is_nonprofit=False,
        business_id="2954871-5",
        founded_year=2019,
        member_count=340,
        seeks=("venues", "volunteers"),
    ),
    DemoOrganization(
        slug="tulkkiosuuskunta-sanasilta",
        org_type="cooperative",
        name=("Tulkkiosuuskunta Sanasilta", "Tolkandelslaget Ordbron", "Sanasilta Interpreters"),
        description=(
            "Asioimistulkkausta ja käännöksiä yli 20 kielellä. Järjestöille "
            "tulkkausta tapahtumiin edullisesti.",
            "Kontakttolkning och översättning på över 20 språk. Förmånlig tolkning för "
            "organisationers evenemang.",
            "Community interpreting and translation in more than 20 languages. Affordable "
            "interpreting for organizations' events.",
        ),
        themes=("immigrants",),
        districts=("keskusta",),
        is_nonprofit=False,
        business_id="2590632-7",
        founded_year=2017,
        member_count=31,
        languages=("fi", "sv", "en", "ar", "so", "fa", "ru", "uk"),
        target_groups=("immigrants",),
        offers=("expertise",),
    ),
    # --- Informal groups --------------------------------------------------------------------
    DemoOrganization(
        slug="itarannan-lenkkiporukka",
        org_type="informal",
        name=(
            "Itärannan lenkkiporukka",
            "Östra strandens joggingsgäng",
            "East Shore walking group",
        ),
        description=(
            "Kävelemme rantareittiä joka tiistai klo 18. Vauhti on rauhallinen ja kaikki "
            "pääsevät mukaan.",
            "Vi promenerar längs strandleden varje tisdag kl. 18. Tempot är lugnt och alla får "
            "vara med.",
            "We walk the shore path every Tuesday at 6 pm. The pace is easy and everyone can join.",
        ),
        themes=("sports", "elderly"),
        districts=("itaranta",),
        founded_year=2020,
        member_count=25,
        target_groups=("all-residents", "older-people"),
        offers=("volunteers",),
    ),
    DemoOrganization(
        slug="koivulan-kirjoittajapiiri",
        org_type="informal",
        name=("Koivulan kirjoittajapiiri", "Björkby skrivarcirkel", ""),
        description=(
            "Luovan kirjoittamisen piiri kirjaston lukusalissa joka toinen torstai.",
            "Kreativt skrivande i bibliotekets läsesal varannan torsdag.",
            "A creative writing circle in the library reading room every other Thursday.",
        ),
        themes=("culture", "education"),
        districts=("koivula",),
        founded_year=2017,
        member_count=14,
        target_groups=("all-residents",),
        seeks=("venues",),
    ),
    DemoOrganization(
        slug="korjauskahvila-keskusta",
        org_type="informal",
        name=("Korjauskahvila Keskusta", "Reparationskaféet Centrum", "City Centre Repair Café"),
        description=(
            "Vapaaehtoiset korjaajat auttavat korjaamaan vaatteita, pyöriä ja "
            "pienelektroniikkaa kerran kuussa.",
            "Frivilliga reparatörer hjälper till att laga kläder, cyklar och småelektronik en "
            "gång i månaden.",
            "Volunteer fixers help mend clothes, bikes and small electronics once a month.",
        ),
        themes=("environment", "residents"),
        districts=("keskusta",),
        founded_year=2019,
        member_count=18,
        languages=("fi", "en"),
        target_groups=("all-residents",),
        offers=("expertise", "volunteers"),
        seeks=("venues", "equipment"),
    ),
    # --- Public bodies and others -----------------------------------------------------------
    DemoOrganization(
        slug="lansimaen-seurakunta",
        org_type="public",
        name=("Länsimäen seurakunta", "Västerbacka församling", "West Hill Parish"),
        description=(
            "Seurakunnan diakoniatyö, perhekerhot ja nuorten illat ovat avoimia kaikille "
            "vakaumuksesta riippumatta.",
            "Församlingens diakoni, familjeklubbar och ungdomskvällar är öppna för alla oavsett "
            "övertygelse.",
            "The parish's social work, family clubs and youth evenings are open to everyone "
            "regardless of belief.",
        ),
        themes=("social-welfare", "children-families", "youth"),
        districts=("lansimaki",),
        is_nonprofit=True,
        business_id="0204819-8",
        languages=("fi", "sv"),
        target_groups=("families", "young-people", "older-people"),
        offers=("venues", "volunteers"),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="nuorisovaltuusto",
        org_type="public",
        name=("Kaupungin nuorisovaltuusto", "Stadens ungdomsfullmäktige", "City Youth Council"),
        description=(
            "Nuorisovaltuuston 25 valittua nuorta tuovat nuorten näkökulman kaupungin "
            "päätöksentekoon.",
            "Ungdomsfullmäktiges 25 valda unga för fram ungas synvinkel i stadens beslutsfattande.",
            "The 25 elected members of the youth council bring young people's views into the "
            "city's decision-making.",
        ),
        themes=("youth",),
        districts=(),
        is_nonprofit=True,
        languages=("fi", "sv", "en"),
        target_groups=("young-people",),
        seeks=("partners",),
    ),
    DemoOrganization(
        slug="jarjestoverkosto-verkko",
        org_type="other",
        name=("Järjestöverkosto Verkko", "Organisationsnätverket Nätet", "Verkko Network"),
        description=(
            "Paikallisten järjestöjen yhteistyöverkosto, joka kokoontuu neljästi vuodessa "
            "ja jakaa tietoa avustuksista ja tiloista.",
            "Ett samarbetsnätverk för lokala organisationer som träffas fyra gånger om året och "
            "delar information om bidrag och lokaler.",
            "A network of local organizations that meets four times a year and shares "
            "information about grants and facilities.",
        ),
        themes=("residents", "social-welfare", "culture"),
        districts=("keskusta",),
        founded_year=2010,
        member_count=46,
        languages=("fi", "sv", "en"),
        target_groups=("all-residents",),
        offers=("expertise", "partners"),
    ),
]

# Which demo organizations the demo organization admin acts for.
ORGADMIN_ADMIN_OF = ("itarannan-kotiseutuyhdistys", "koivulan-palloseura")
ORGADMIN_MEMBER_OF = ("kulttuuriyhdistys-kaiku",)
