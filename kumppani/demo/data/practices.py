"""M10: the first published version of the cooperation-practices document, in three languages."""

TITLE = (
    "Kaupungin ja järjestöjen yhteistyön käytännöt",
    "Stadens och organisationernas samarbetspraxis",
    "How the city and organizations work together",
)

CHANGE_SUMMARY = (
    "Ensimmäinen julkaistu versio, käsitelty järjestöfoorumissa.",
    "Den första publicerade versionen, behandlad i organisationsforumet.",
    "The first published version, discussed at the organization forum.",
)

BODY_FI = """\
Tämä asiakirja kertoo, miten kaupunki tekee yhteistyötä yhdistysten, säätiöiden, yritysten, \
osuuskuntien ja vapaiden ryhmien kanssa. Käytännöt on laadittu yhdessä järjestöfoorumin kanssa, \
ja niitä päivitetään vuosittain. Jokainen versio säilyy nähtävillä.

1. Järjestöyhdyshenkilö

Kaupungilla on nimetty järjestöyhdyshenkilö, joka neuvoo järjestöjä kaikissa kaupungin \
palveluja koskevissa kysymyksissä: tilat, avustukset, tapahtumat ja vaikuttaminen. \
Yhdyshenkilö vahvistaa Kumppaniin rekisteröityvät järjestöt, kutsuu koolle järjestöfoorumin \
ja pitää tämän asiakirjan ajan tasalla. Yhteystiedot ovat järjestöhakemiston etusivulla. \
Vastaamme yhteydenottoihin viiden arkipäivän kuluessa.

2. Järjestöjen vahvistaminen

Kun järjestö rekisteröityy Kumppaniin, yhdyshenkilö tarkistaa sen tiedot, kuten \
yhdistysrekisterinumeron tai Y-tunnuksen, ja sen, että järjestö toimii kaupungin alueella. \
Päätös tehdään kymmenen arkipäivän kuluessa. Kielteiselle päätökselle kerrotaan aina \
perustelut, ja järjestö voi korjata tietonsa ja hakea uudelleen. Vahvistettu voittoa \
tavoittelematon järjestö voi käyttää kaupungin tiloja maksutta siellä, missä kaupunki tarjoaa \
maksuttoman käytön, ja hakea kaupungin avustuksia.

3. Järjestöfoorumi

Järjestöfoorumi kokoontuu neljä kertaa vuodessa, vuorotellen eri kaupunginosissa ja kerran \
vuodessa verkossa. Foorumi on avoin kaikille Kumppaniin rekisteröityneille järjestöille. \
Esityslista julkaistaan kaksi viikkoa ennen kokousta, ja jokainen järjestö voi ehdottaa \
siihen asioita. Muistio ja kaupungin vastaukset esitettyihin kysymyksiin julkaistaan kahden \
viikon kuluessa kokouksesta.

4. Maksuttomat tilat

Kaupunki avaa koulujen, kirjastojen, nuorisotalojen ja liikuntapaikkojen tiloja järjestöjen \
käyttöön. Vahvistetut voittoa tavoittelemattomat järjestöt saavat käyttää tiloja maksutta \
silloin, kun tilan ehdoissa niin kerrotaan. Varaukset tehdään Kumppanissa, ja jokaisella \
tilalla on nimetty vastuuhenkilö. Jos varausta ei voida hyväksyä, kerromme syyn ja \
ehdotamme vaihtoehtoista aikaa tai tilaa. Tilojen väärinkäytöstä voidaan päättää \
seuraamuksista, mutta järjestöä kuullaan aina ensin.

5. Avustukset

Kaupungin avustushaut, niiden ehdot ja arviointiperusteet julkaistaan Kumppanissa vähintään \
kuukautta ennen haun päättymistä. Hakemukset käsitellään avoimesti ja yhdenvertaisesti. \
Jokainen päätös perustellaan, ja päätökseen liitetään oikaisuvaatimusohje. Myönnetyt \
avustukset julkaistaan avoimena datana.

6. Kuuleminen ja vaikuttaminen

Kun kaupunki valmistelee järjestöjen toimintaan vaikuttavia päätöksiä, järjestöjä kuullaan \
Kumppanissa. Lausuntoaikaa on vähintään neljä viikkoa, loma-aikoina kuusi viikkoa. Kerromme \
jälkikäteen, miten lausunnot vaikuttivat päätökseen.

7. Tiedottaminen

Järjestöt voivat julkaista tapahtumiaan ja uutisiaan Kumppanissa, ja kaupunki kertoo niistä \
omissa kanavissaan. Kaupunki lähettää järjestöille kuukausittain koosteen ajankohtaisista \
hauista, kuulemisista ja tilojen vapautuvista vuoroista.
"""

BODY_SV = """\
Detta dokument beskriver hur staden samarbetar med föreningar, stiftelser, företag, \
andelslag och fria grupper. Praxisen har tagits fram tillsammans med organisationsforumet och \
uppdateras varje år. Varje version förblir synlig.

1. Kontaktperson för organisationer

Staden har en utsedd kontaktperson för organisationer som ger råd i alla frågor som gäller \
stadens tjänster: lokaler, bidrag, evenemang och påverkan. Kontaktpersonen verifierar de \
organisationer som registrerar sig i Kumppani, sammankallar organisationsforumet och håller \
detta dokument aktuellt. Kontaktuppgifterna finns på organisationskatalogens första sida. Vi \
svarar inom fem vardagar.

2. Verifiering av organisationer

När en organisation registrerar sig i Kumppani kontrollerar kontaktpersonen dess uppgifter, \
till exempel föreningsregisternumret eller FO-numret, och att organisationen verkar i staden. \
Beslutet fattas inom tio vardagar. Ett negativt beslut motiveras alltid, och organisationen \
kan rätta sina uppgifter och ansöka på nytt. En verifierad icke-vinstdrivande organisation kan \
använda stadens lokaler avgiftsfritt där staden erbjuder det och ansöka om stadens bidrag.

3. Organisationsforumet

Organisationsforumet sammanträder fyra gånger om året, turvis i olika stadsdelar och en gång \
om året på nätet. Forumet är öppet för alla organisationer som registrerat sig i Kumppani. \
Föredragningslistan publiceras två veckor före mötet, och varje organisation kan föreslå \
ärenden. Minnesanteckningarna och stadens svar på frågorna publiceras inom två veckor efter \
mötet.

4. Avgiftsfria lokaler

Staden öppnar lokaler i skolor, bibliotek, ungdomsgårdar och idrottsplatser för \
organisationerna. Verifierade icke-vinstdrivande organisationer får använda lokalerna \
avgiftsfritt när lokalens villkor anger det. Bokningarna görs i Kumppani, och varje lokal har \
en utsedd ansvarsperson. Om en bokning inte kan godkännas berättar vi varför och föreslår en \
annan tid eller lokal. Vid missbruk av lokaler kan påföljder beslutas, men organisationen hörs \
alltid först.

5. Bidrag

Stadens bidragsansökningar, deras villkor och bedömningsgrunder publiceras i Kumppani minst \
en månad innan ansökningstiden går ut. Ansökningarna behandlas öppet och jämlikt. Varje \
beslut motiveras, och till beslutet fogas en anvisning om begäran om omprövning. Beviljade \
bidrag publiceras som öppna data.

6. Hörande och påverkan

När staden bereder beslut som påverkar organisationernas verksamhet hörs organisationerna i \
Kumppani. Remisstiden är minst fyra veckor, under semestertider sex veckor. Efteråt berättar \
vi hur utlåtandena påverkade beslutet.

7. Information

Organisationerna kan publicera sina evenemang och nyheter i Kumppani, och staden berättar om \
dem i sina egna kanaler. Staden skickar varje månad organisationerna en sammanfattning av \
aktuella ansökningar, höranden och lediga tider i lokalerna.
"""

BODY_EN = """\
This document describes how the city works together with associations, foundations, \
companies, cooperatives and informal groups. The practices were written together with the \
organization forum and are reviewed every year. Every version stays on view.

1. The organization liaison

The city has a named organization liaison who advises organizations on every question about \
the city's services: facilities, grants, events and having a say. The liaison verifies the \
organizations that register in Kumppani, convenes the organization forum and keeps this \
document up to date. The contact details are on the front page of the organization \
directory. We answer within five working days.

2. Verifying organizations

When an organization registers in Kumppani, the liaison checks its details, such as the \
association register number or the Business ID, and that the organization is active in the \
city. The decision is made within ten working days. A negative decision always comes with \
reasons, and the organization can correct its details and apply again. A verified non-profit \
organization can use the city's facilities free of charge where the city offers that, and \
apply for the city's grants.

3. The organization forum

The organization forum meets four times a year, in turn in different districts and once a \
year online. The forum is open to every organization registered in Kumppani. The agenda is \
published two weeks before the meeting, and any organization can propose items. The minutes \
and the city's answers to the questions raised are published within two weeks of the meeting.

4. Free facilities

The city opens rooms in schools, libraries, youth centres and sports venues to \
organizations. Verified non-profit organizations may use them free of charge when the \
facility's terms say so. Bookings are made in Kumppani, and every facility has a named \
person in charge. If a booking cannot be approved, we say why and suggest another time or \
place. Misuse of facilities can lead to sanctions, but the organization is always heard \
first.

5. Grants

The city's grant calls, their terms and assessment criteria are published in Kumppani at \
least a month before the call closes. Applications are handled openly and equally. Every \
decision comes with reasons and instructions for requesting a review. Awarded grants are \
published as open data.

6. Consultations and having a say

When the city prepares decisions that affect organizations, they are consulted in Kumppani. \
The consultation period is at least four weeks, six weeks during holiday seasons. Afterwards \
we report how the statements influenced the decision.

7. Communication

Organizations can publish their events and news in Kumppani, and the city shares them in its \
own channels. Every month the city sends organizations a digest of open calls, \
consultations and newly available facility slots.
"""

BODY = (BODY_FI, BODY_SV, BODY_EN)
