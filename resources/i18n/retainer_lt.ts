<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt">
<context>
    <name></name>
    <message>
        <source>Retainer keeps the customers you already have.</source>
        <translation>Retainer padeda išlaikyti klientus, kuriuos jau turite.</translation>
    </message>
    <message>
        <source>Run &apos;retainer COMMAND --help&apos; for what each command takes. With no command, the window opens.</source>
        <translation>Ką priima kiekviena komanda: &apos;retainer KOMANDA --help&apos;. Be komandos atsidaro programos langas.</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>komandos</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>naudojimas: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>poziciniai argumentai</translation>
    </message>
    <message>
        <source>options</source>
        <translation>parinktys</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>parodyti šią pagalbą ir išeiti</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: klaida: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>trūksta privalomų argumentų: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>neatpažinti argumentai: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>tokio pasirinkimo nėra: %(value)r (galima: %(choices)s)</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumentas %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>reikia vienos reikšmės</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>reikia bent vienos reikšmės</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>reikia ne daugiau kaip vienos reikšmės</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>netinkama %(type)s reikšmė: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>dviprasmė parinktis: %(option)s gali reikšti %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>negalima kartu su argumentu %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>reikia vieno iš argumentų %s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>nepavyksta atidaryti &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>customer base: a file or a database address (default: RETAINER_DB, then your data folder, as the window)</source>
        <translation>klientų bazė: failas arba duomenų bazės adresas (numatyta: RETAINER_DB, paskui jūsų duomenų aplankas, kaip programos lange)</translation>
    </message>
    <message>
        <source>make a demo base with made-up customers</source>
        <translation>sukurti demonstracinę bazę su išgalvotais klientais</translation>
    </message>
    <message>
        <source>Make a demo customer base.</source>
        <translation>Sukurti demonstracinę klientų bazę.</translation>
    </message>
    <message>
        <source>file to create; it must not exist yet</source>
        <translation>kuriamas failas; jo dar neturi būti</translation>
    </message>
    <message>
        <source>--customers and --years must be more than zero.</source>
        <translation>--customers ir --years turi būti didesni už nulį.</translation>
    </message>
    <message>
        <source>Demo base ready: {path}</source>
        <translation>Demonstracinė bazė paruošta: {path}</translation>
    </message>
    <message>
        <source>export the whole base to Excel</source>
        <translation>eksportuoti visą bazę į Excel</translation>
    </message>
    <message>
        <source>Export the whole base to one Excel workbook.</source>
        <translation>Eksportuoti visą bazę į vieną Excel knygą.</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>Nepavyko įrašyti {file}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln control characters that Excel does not accept were removed.</source>
        <translation>
            <numerusform>Pašalintas %Ln valdymo simbolis, kurio Excel nepriima.</numerusform>
            <numerusform>Pašalinti %Ln valdymo simboliai, kurių Excel nepriima.</numerusform>
            <numerusform>Pašalinta %Ln valdymo simbolių, kurių Excel nepriima.</numerusform>
        </translation>
    </message>
    <message>
        <source>import customers from a spreadsheet</source>
        <translation>importuoti klientus iš lentelės</translation>
    </message>
    <message>
        <source>Import customers (and purchases) from .xlsx, .xls, .ods or .csv.</source>
        <translation>Importuoti klientus (ir pirkimus) iš .xlsx, .xls, .ods ar .csv.</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation>kurį lapą skaityti (numatyta: pirmąjį)</translation>
    </message>
    <message>
        <source>map a column by its header, e.g. --map &quot;Моб.=phone&quot;; field &apos;&apos; skips the column</source>
        <translation>susieti stulpelį pagal antraštę, pvz., --map &quot;Tel.=phone&quot;; tuščias laukas &apos;&apos; praleidžia stulpelį</translation>
    </message>
    <message>
        <source>what to do with customers already in the base (default: skip)</source>
        <translation>ką daryti su klientais, kurie jau yra bazėje (numatyta: praleisti)</translation>
    </message>
    <message>
        <source>the country of phone numbers written without + and a country code, such as RU or LT; it becomes the base&apos;s setting, as in the window&apos;s import (default: the base&apos;s setting)</source>
        <translation>šalis, kurios numeriai užrašyti be + ir šalies kodo, pvz., LT ar RU; ji tampa bazės nustatymu, kaip importuojant programos lange (numatyta: bazės nustatymas)</translation>
    </message>
    <message>
        <source>check everything, save nothing</source>
        <translation>patikrinti viską, nieko neįrašyti</translation>
    </message>
    <message>
        <source>Unknown country “{code}”. Countries: {codes}.</source>
        <translation>Nežinoma šalis „{code}“. Šalys: {codes}.</translation>
    </message>
    <message>
        <source>Unknown field “{field}”. Fields: {fields}.</source>
        <translation>Nežinomas laukas „{field}“. Laukai: {fields}.</translation>
    </message>
    <message>
        <source>No column “{header}” in the header row ({headers}).</source>
        <translation>Antraščių eilutėje nėra stulpelio „{header}“ ({headers}).</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}:</source>
        <translation>Lapas „{sheet}“, antraštės {row} eilutėje:</translation>
    </message>
    <message>
        <source>To read them so, run the import again with --country {code}.</source>
        <translation>Kad jie būtų skaitomi taip, paleiskite importą dar kartą su --country {code}.</translation>
    </message>
    <message>
        <source>row {row}, {column}: {message} ({value})</source>
        <translation>{row} eilutė, {column}: {message} ({value})</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problems.</source>
        <translation>
            <numerusform>… ir dar %Ln klaida.</numerusform>
            <numerusform>… ir dar %Ln klaidos.</numerusform>
            <numerusform>… ir dar %Ln klaidų.</numerusform>
        </translation>
    </message>
    <message>
        <source>{verb}: {rows}; {outcome}; {problems}.</source>
        <translation>{verb}: {rows}; {outcome}; {problems}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln eilutė</numerusform>
            <numerusform>%Ln eilutės</numerusform>
            <numerusform>%Ln eilučių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems</source>
        <translation>
            <numerusform>%Ln eilutė su klaidomis</numerusform>
            <numerusform>%Ln eilutės su klaidomis</numerusform>
            <numerusform>%Ln eilučių su klaidomis</numerusform>
        </translation>
    </message>
    <message>
        <source>Test run, nothing saved</source>
        <translation>Bandomasis importas, niekas neįrašyta</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importuota</translation>
    </message>
    <message>
        <source>print the retention figures for a period</source>
        <translation>parodyti laikotarpio išlaikymo rodiklius</translation>
    </message>
    <message>
        <source>Print the retention figures for a period.</source>
        <translation>Parodyti laikotarpio išlaikymo rodiklius.</translation>
    </message>
    <message>
        <source>first day of the period (default: the first day of last month)</source>
        <translation>pirmoji laikotarpio diena (numatyta: praėjusio mėnesio pirmoji diena)</translation>
    </message>
    <message>
        <source>the day after the period (default: the first day of this month)</source>
        <translation>diena po laikotarpio pabaigos (numatyta: šio mėnesio pirmoji diena)</translation>
    </message>
    <message>
        <source>the day for figures &apos;as of&apos; (default: today); a past day gives the figures as they stood that morning, with the model fitted on the purchases before it</source>
        <translation>diena, kuriai skaičiuojami rodikliai (numatyta: šiandien); praėjusiai dienai – tokie, kokie buvo tą rytą, su modeliu pagal ankstesnius pirkimus</translation>
    </message>
    <message>
        <source>--from must be before --to.</source>
        <translation>--from turi būti anksčiau nei --to.</translation>
    </message>
    <message>
        <source>Period {start} – {end} (the day after), as of {as_of}</source>
        <translation>Laikotarpis {start} – {end} (kita diena), {as_of} dienai</translation>
    </message>
    <message>
        <source>CRR {crr}  (S {s}, E {e}, N {n}, churned {churned}, came back {back});  churn {churn}</source>
        <translation>CRR {crr}  (S {s}, E {e}, N {n}, išėjo {churned}, grįžo {back});  nutekėjimas {churn}</translation>
    </message>
    <message>
        <source>Purchases in the period: {n} for {revenue}; in all: {total} for {all_revenue}</source>
        <translation>Pirkimų per laikotarpį: {n} už {revenue}; iš viso: {total} už {all_revenue}</translation>
    </message>
    <message>
        <source>NPS {score}  (promoters {p}, passives {pa}, detractors {d})</source>
        <translation>NPS {score}  (rekomenduotojai {p}, neutralūs {pa}, kritikai {d})</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klientai</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>Aktyvūs dabar</translation>
    </message>
    <message>
        <source>Repeat-purchase rate</source>
        <translation>Pakartotinių pirkimų dalis</translation>
    </message>
    <message>
        <source>Purchases per customer (365 days)</source>
        <translation>Pirkimų vienam klientui (365 dienos)</translation>
    </message>
    <message>
        <source>Average order (365 days)</source>
        <translation>Vidutinis čekis (365 dienos)</translation>
    </message>
    <message>
        <source>Average lifetime (days)</source>
        <translation>Vidutinė kliento trukmė (dienomis)</translation>
    </message>
    <message>
        <source>Share of regulars</source>
        <translation>Nuolatinių klientų dalis</translation>
    </message>
    <message>
        <source>Statuses: </source>
        <translation>Būsenos: </translation>
    </message>
    <message>
        <source>RFM segments: </source>
        <translation>RFM segmentai: </translation>
    </message>
    <message>
        <source>Who brings new customers: </source>
        <translation>Kas atveda naujų klientų: </translation>
    </message>
    <message>
        <source>{name} {n} ({spent})</source>
        <translation>{name} {n} ({spent})</translation>
    </message>
    <message>
        <source>{back} of {n} ({share})</source>
        <translation>{back} iš {n} ({share})</translation>
    </message>
    <message>
        <source>, {n} still waiting</source>
        <translation>, dar laukiama: {n}</translation>
    </message>
    <message>
        <source>Did it work (bought again within {days} days): reached {reached}; not reached {not_reached}</source>
        <translation>Ar pavyko (vėl pirko per {days} dienų): susisiekta — {reached}; nesusisiekta — {not_reached}</translation>
    </message>
    <message>
        <source>  Messages to {segment}: written to {reached}; left out {not_reached}</source>
        <translation>  Žinutės segmentui {segment}: gavo — {reached}; negavo — {not_reached}</translation>
    </message>
    <message>
        <source>customers shown</source>
        <translation>rodomi klientai</translation>
    </message>
    <message>
        <source>BG/NBD (days): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}</source>
        <translation>BG/NBD (dienos): r={r:.3f} alpha={alpha:.2f} a={a:.3f} b={b:.3f}</translation>
    </message>
    <message>
        <source>BG/NBD: not fitted yet (too few repeat customers, or the window has not run).</source>
        <translation>BG/NBD: modelis dar neapskaičiuotas (per mažai pakartotinių pirkėjų arba programos langas dar nebuvo paleistas).</translation>
    </message>
    <message>
        <source>print whom to call today</source>
        <translation>parodyti, kam paskambinti šiandien</translation>
    </message>
    <message>
        <source>Print whom to call today, most worth calling first.</source>
        <translation>Parodyti, kam paskambinti šiandien, svarbiausius pirmiau.</translation>
    </message>
    <message>
        <source>the day to list, like 2026-12-31 (default: today); reminders are made only for today</source>
        <translation>sąrašo diena, pvz., 2026-12-31 (numatyta: šiandien); priminimai kuriami tik šiandienai</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>išvesti JSON vietoj lentelės</translation>
    </message>
    <message>
        <source>Nobody to call on {date}.</source>
        <translation>{date} skambinti nėra kam.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call on {date}:</source>
        <translation>
            <numerusform>{date} paskambinti %Ln klientui:</numerusform>
            <numerusform>{date} paskambinti %Ln klientams:</numerusform>
            <numerusform>{date} paskambinti %Ln klientų:</numerusform>
        </translation>
    </message>
    <message>
        <source>customer base to open: a file or a database address (default: RETAINER_DB, then your data folder)</source>
        <translation>kurią klientų bazę atidaryti: failą arba duomenų bazės adresą (numatyta: RETAINER_DB, paskui duomenų aplankas)</translation>
    </message>
    <message>
        <source>open a demo base with made-up customers, to look around</source>
        <translation>atidaryti demonstracinę bazę su išgalvotais klientais, kad apsidairytumėte</translation>
    </message>
    <message>
        <source>open, wait for the first page of customers, print the milliseconds since start and quit (for tests)</source>
        <translation>atidaryti, palaukti pirmo klientų puslapio, išvesti milisekundes nuo paleidimo ir išeiti (testams)</translation>
    </message>
    <message>
        <source>check this installation offscreen, in every language, in a temporary folder: a new base, an import, an export, every room and the dashboard; exit 0 only if all of it works</source>
        <translation>patikrinti šį įdiegimą be ekrano, kiekviena kalba, laikinajame aplanke: nauja bazė, importas, eksportas, visi skyriai ir rodikliai; išėjimo kodas 0 tik jei viskas veikia</translation>
    </message>
    <message>
        <source>The customer base {path} is damaged ({reason}). Nothing was changed in it. A backup can be put in its place: File → Restore from a backup, or retainer restore.</source>
        <translation>Klientų bazė {path} sugadinta ({reason}). Joje niekas nepakeista. Jos vietoje galima atkurti atsarginę kopiją: Failas → Atkurti iš atsarginės kopijos arba retainer restore.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached ({reason}). Check that the server computer is on and connected to the shop&apos;s network, then try again.</source>
        <translation>Nepavyksta pasiekti duomenų bazės serverio {server} ({reason}). Patikrinkite, ar serverio kompiuteris įjungtas ir prijungtas prie parduotuvės tinklo, ir bandykite dar kartą.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached just now, so nothing was saved; what you typed is still there. Try again in a moment. If it goes on, check that the server computer is on and connected to the shop&apos;s network.</source>
        <translation>Duomenų bazės serveris {server} šiuo metu nepasiekiamas, todėl niekas neišsaugota; tai, ką įvedėte, liko vietoje. Po akimirkos bandykite dar kartą. Jei nepavyks, patikrinkite, ar serverio kompiuteris įjungtas ir prijungtas prie parduotuvės tinklo.</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached just now; try again in a moment. If it goes on, check that the server computer is on and connected to the shop&apos;s network.</source>
        <translation>Duomenų bazės serveris {server} šiuo metu nepasiekiamas; po akimirkos bandykite dar kartą. Jei nepavyks, patikrinkite, ar serverio kompiuteris įjungtas ir prijungtas prie parduotuvės tinklo.</translation>
    </message>
    <message>
        <source>“{location}” is neither a file nor a database address.</source>
        <translation>„{location}“ nėra nei failas, nei duomenų bazės adresas.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a customer base file.</source>
        <translation>{path} yra aplankas, o ne klientų bazės failas.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the customer base: {reason}</source>
        <translation>Nepavyksta sukurti aplanko {folder} klientų bazei: {reason}</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation>Nepavyksta sukurti {path}: aplankas tik skaitymui.</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>Nepavyksta perskaityti {path}: nėra prieigos.</translation>
    </message>
    <message>
        <source>{path} is read-only. Retainer needs to save changes there: copy the file to a folder you can write to, or ask for write permission.</source>
        <translation>{path} yra tik skaitymui, o Retainer reikia jame įrašyti pakeitimus: nukopijuokite failą į aplanką, kuriame galima rašyti, arba paprašykite rašymo teisės.</translation>
    </message>
    <message>
        <source>{path} is not a Retainer customer base (it is some other kind of file).</source>
        <translation>{path} nėra Retainer klientų bazė (tai kitokio tipo failas).</translation>
    </message>
    <message>
        <source>the file is shorter than its contents</source>
        <translation>failas trumpesnis, nei turėtų būti</translation>
    </message>
    <message>
        <source>{location} is a database, but not a Retainer customer base. Nothing was changed in it.</source>
        <translation>{location} yra duomenų bazė, bet ne Retainer klientų bazė. Joje nieko nepakeista.</translation>
    </message>
    <message>
        <source>{location} cannot be opened as a customer base: {reason}</source>
        <translation>{location} neatsidaro kaip klientų bazė: {reason}</translation>
    </message>
    <message>
        <source>{location} has a damaged version stamp; nothing was changed.</source>
        <translation>{location} pažeista versijos žyma; nieko nepakeista.</translation>
    </message>
    <message>
        <source>{location} was not upgraded, because no backup could be made first: {reason}</source>
        <translation>{location} neatnaujinta, nes pirma nepavyko padaryti atsarginės kopijos: {reason}</translation>
    </message>
    <message>
        <source>the upgrade would leave rows of {table} without their customer</source>
        <translation>po atnaujinimo lentelėje {table} liktų įrašų be kliento</translation>
    </message>
    <message>
        <source>Cannot open {location}: {reason}</source>
        <translation>Nepavyksta atidaryti {location}: {reason}</translation>
    </message>
    <message>
        <source>{location} was saved by a newer version of Retainer. Install the newer version to open it; nothing was changed.</source>
        <translation>{location} įrašyta naujesne Retainer versija. Įdiekite naujesnę versiją, kad ją atidarytumėte; nieko nepakeista.</translation>
    </message>
    <message>
        <source>{location} needs an upgrade first.</source>
        <translation>{location} pirmiausia reikia atnaujinti.</translation>
    </message>
    <message>
        <source>Could not upgrade {location}: {reason}. A copy was kept at {backup}.</source>
        <translation>Nepavyko atnaujinti {location}: {reason}. Kopija palikta: {backup}.</translation>
    </message>
    <message>
        <source>{location} already holds customers; the demo needs an empty base.</source>
        <translation>{location} jau yra klientų; demonstracijai reikia tuščios bazės.</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— neimportuoti —</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vardas ir pavardė</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Pavardė</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Tėvavardis</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefonas</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Antras telefonas</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Gimtadienis</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Miestas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresas</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Kortelės numeris</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Žymės</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Iš kur sužinojo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Agreed to messages</source>
        <translation>Sutinka gauti žinutes</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Neskambinti</translation>
    </message>
    <message>
        <source>Customer code (links purchases)</source>
        <translation>Kliento kodas (susieja pirkimus)</translation>
    </message>
    <message>
        <source>Referred by (customer code)</source>
        <translation>Kas rekomendavo (kliento kodas)</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Klientas nuo</translation>
    </message>
    <message>
        <source>Spent before Retainer (total)</source>
        <translation>Išleista iki Retainer (iš viso)</translation>
    </message>
    <message>
        <source>Purchases before Retainer (count)</source>
        <translation>Pirkimų iki Retainer (skaičius)</translation>
    </message>
    <message>
        <source>First purchase (date)</source>
        <translation>Pirmasis pirkimas (data)</translation>
    </message>
    <message>
        <source>Last purchase (date)</source>
        <translation>Paskutinis pirkimas (data)</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>Pirkimo data</translation>
    </message>
    <message>
        <source>Code in the Retainer export</source>
        <translation>Kodas Retainer eksporte</translation>
    </message>
    <message>
        <source>Purchase amount</source>
        <translation>Pirkimo suma</translation>
    </message>
    <message>
        <source>What they bought</source>
        <translation>Ką pirko</translation>
    </message>
    <message>
        <source>{file}: the sheet “{sheet}” cannot be read ({reason}).</source>
        <translation>{file}: lapo „{sheet}“ nepavyksta perskaityti ({reason}).</translation>
    </message>
    <message numerus="yes">
        <source>{file}: the sheet “{sheet}” has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>{file}: lape „{sheet}“ yra %Ln eilutė; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
            <numerusform>{file}: lape „{sheet}“ yra %Ln eilutės; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
            <numerusform>{file}: lape „{sheet}“ yra %Ln eilučių; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}. Save it again from Excel and retry.</source>
        <translation>{file}, {line} eilutė: {reason}. Įrašykite failą Excel dar kartą ir bandykite vėl.</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”. Its sheets: {names}.</source>
        <translation>{file} nėra lapo „{sheet}“. Failo lapai: {names}.</translation>
    </message>
    <message>
        <source>{file} claims to unpack to {size} MB, far more than any real workbook; it was refused without opening it.</source>
        <translation>{file} išpakuotas užimtų {size} MB – gerokai daugiau nei bet kuri tikra knyga; jis atmestas neatidarius.</translation>
    </message>
    <message>
        <source>{file} contains XML with entity declarations, which real workbooks never have and which can be used to attack the computer; it was refused.</source>
        <translation>{file} yra XML su esybių deklaracijomis: tikrose knygose jų nebūna, o jomis galima atakuoti kompiuterį; failas atmestas.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (it cannot be unpacked). Save it again from Excel and retry.</source>
        <translation>{file} sugadintas arba įrašytas ne iki galo (nepavyksta išpakuoti). Įrašykite jį Excel dar kartą ir bandykite vėl.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short (its size does not fit an Excel 97–2003 workbook). Save it again from Excel and retry.</source>
        <translation>{file} sugadintas arba įrašytas ne iki galo (jo dydis netinka Excel 97–2003 knygai). Įrašykite jį Excel dar kartą ir bandykite vėl.</translation>
    </message>
    <message>
        <source>back up the customer base</source>
        <translation>padaryti klientų bazės atsarginę kopiją</translation>
    </message>
    <message>
        <source>Back up the customer base: a checked copy in the backups folder beside it (or --to), kept in rotation: 7 daily, 4 weekly and 12 monthly unless Settings say otherwise.</source>
        <translation>Padaryti klientų bazės atsarginę kopiją: patikrinta kopija aplanke backups šalia bazės (arba --to). Laikomos 7 dienos, 4 savaitės ir 12 mėnesių kopijų, jei nustatymuose nenurodyta kitaip.</translation>
    </message>
    <message>
        <source>the folder for the backup (default: the backups folder beside the base)</source>
        <translation>kopijos aplankas (numatyta: aplankas backups šalia bazės)</translation>
    </message>
    <message>
        <source>put a backup in place of the customer base</source>
        <translation>atkurti klientų bazę iš atsarginės kopijos</translation>
    </message>
    <message>
        <source>Put a backup in place of the customer base. The base as it is now is backed up first; a damaged or foreign file is refused and the base left as it was. Close the window first.</source>
        <translation>Atkurti klientų bazę iš atsarginės kopijos. Pirmiausia padaroma dabartinės bazės kopija; sugadintas ar svetimas failas nepriimamas, o bazė lieka tokia, kokia buvo. Pirmiausia uždarykite programos langą.</translation>
    </message>
    <message>
        <source>{location} is not a SQLite file; back up a database server with its own tools.</source>
        <translation>{location} nėra SQLite failas; duomenų bazės serverio kopijos daromos jo paties priemonėmis.</translation>
    </message>
    <message>
        <source>There is no customer base at {path}.</source>
        <translation>Vietoje {path} klientų bazės nėra.</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size} MB, {customers}).</source>
        <translation>Kopija įrašyta: {path} ({size} MB, {customers}).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>backed up …</comment>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} does not exist.</source>
        <translation>Failo {file} nėra.</translation>
    </message>
    <message>
        <source>{file} cannot be restored: {reason} Your base was not changed.</source>
        <translation>Iš {file} atkurti negalima: {reason} Jūsų bazė nepakeista.</translation>
    </message>
    <message>
        <source>Restored {file} ({customers}). The base as it was is kept in {before}.</source>
        <translation>Atkurta iš {file} ({customers}). Ankstesnė bazė išsaugota: {before}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>restored …</comment>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} yra aplankas, o ne failas.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} tuščias.</translation>
    </message>
    <message>
        <source>{file} is a workbook saved with a .csv name; rename it to .xlsx (or .xls) and try again.</source>
        <translation>{file} yra Excel knyga, įrašyta su .csv pavadinimu; pervadinkite ją į .xlsx (ar .xls) ir bandykite vėl.</translation>
    </message>
    <message>
        <source>{file} is larger than 512 MB; split it.</source>
        <translation>{file} didesnis nei 512 MB; padalykite jį.</translation>
    </message>
    <message>
        <source>{file} is not a text file, whatever its name says.</source>
        <translation>{file} nėra tekstinis failas, kad ir ką sakytų jo pavadinimas.</translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln rows; at most {max} can be imported at once. Split the file.</source>
        <translation>
            <numerusform>{file} yra %Ln eilutė; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
            <numerusform>{file} yra %Ln eilutės; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
            <numerusform>{file} yra %Ln eilučių; vienu kartu galima importuoti ne daugiau kaip {max}. Padalykite failą.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: Retainer imports .xlsx, .xls, .ods and .csv files, not “{suffix}”.</source>
        <translation>{file}: Retainer importuoja .xlsx, .xls, .ods ir .csv failus, o ne „{suffix}“.</translation>
    </message>
    <message>
        <source>no extension</source>
        <translation>be plėtinio</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.</source>
        <translation>{file} apsaugotas slaptažodžiu. Atidarykite jį Excel, pašalinkite slaptažodį (Failas → Informacija → Apsaugoti knygą) ir įrašykite iš naujo.</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet, whatever its name says (or it is damaged).</source>
        <translation>{file} nėra lentelė, kad ir ką sakytų jo pavadinimas (arba jis sugadintas).</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel, remove the password and save it again.</source>
        <translation>{file} apsaugotas slaptažodžiu. Atidarykite jį Excel, pašalinkite slaptažodį ir įrašykite iš naujo.</translation>
    </message>
    <message>
        <source>{file} is damaged or cut short and cannot be read ({reason}). Save it again from Excel and retry.</source>
        <translation>{file} sugadintas arba įrašytas ne iki galo ir neperskaitomas ({reason}). Įrašykite jį Excel dar kartą ir bandykite vėl.</translation>
    </message>
    <message>
        <source>{file} has no sheets with data.</source>
        <translation>{file} nėra lapų su duomenimis.</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>„{value}“ nėra el. pašto adresas.</translation>
    </message>
    <message>
        <source>A birthday cannot be {date}.</source>
        <translation>Gimtadienis negali būti {date}.</translation>
    </message>
    <message>
        <source>The purchase does not say whose it is.</source>
        <translation>Nenurodyta, kieno tai pirkimas.</translation>
    </message>
    <message>
        <source>The purchase has no amount.</source>
        <translation>Pirkimas neturi sumos.</translation>
    </message>
    <message>
        <source>The row has no name, phone, e-mail, code or card number.</source>
        <translation>Eilutėje nėra nei vardo, nei telefono, nei el. pašto, nei kodo, nei kortelės numerio.</translation>
    </message>
    <message>
        <source>The total spent is below zero.</source>
        <translation>Išleista suma mažesnė už nulį.</translation>
    </message>
    <message>
        <source>The total is too large; check for an extra zero.</source>
        <translation>Suma per didelė; patikrinkite, ar nėra nereikalingo nulio.</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>Data {date} dar neatėjo.</translation>
    </message>
    <message>
        <source>The date {date} is too far in the past.</source>
        <translation>Data {date} per sena.</translation>
    </message>
    <message>
        <source>The first purchase is after the last one.</source>
        <translation>Pirmasis pirkimas vėlesnis už paskutinį.</translation>
    </message>
    <message>
        <source>The amount is below zero, like a return; only purchases and visits are imported.</source>
        <translation>Suma mažesnė už nulį, kaip grąžinimo; importuojami tik pirkimai ir apsilankymai.</translation>
    </message>
    <message>
        <source>The amount is too large; check for an extra zero.</source>
        <translation>Suma per didelė; patikrinkite, ar nėra nereikalingo nulio.</translation>
    </message>
    <message>
        <source>The purchase date is in the future.</source>
        <translation>Pirkimo data dar neatėjo.</translation>
    </message>
    <message>
        <source>The purchase date is too far in the past.</source>
        <translation>Pirkimo data per sena.</translation>
    </message>
    <message>
        <source>The purchase has an amount but no date.</source>
        <translation>Pirkimas turi sumą, bet neturi datos.</translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation>{value} nėra data.</translation>
    </message>
    <message>
        <source>Empty date.</source>
        <translation>Tuščia data.</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money.</source>
        <translation>„{value}“ nėra pinigų suma.</translation>
    </message>
    <message>
        <source>“{value}” is not a number of purchases.</source>
        <translation>„{value}“ nėra pirkimų skaičius.</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no.</source>
        <translation>„{value}“ nėra nei „taip“, nei „ne“.</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it like 31.12.1990.</source>
        <translation>„{text}“ nėra data; rašykite taip: 1990-12-31.</translation>
    </message>
    <message>
        <source>“{text}” is not a real date.</source>
        <translation>Datos „{text}“ nėra.</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Prisiskambinta</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Neatsiliepė</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Perskambinti</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Neteisingas numeris</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>Nenorėjo kalbėti</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>Žinutė išsiųsta</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Skambutis</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Asmeniškai</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Pokalbių programėlė</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Seniai pirko</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gali išeiti</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Rankiniu būdu</translation>
    </message>
    <message>
        <source>Unhappy answer</source>
        <translation>Nepatenkintas</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>Naujas lygis</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Laukia</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Atidėta</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Atlikta</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Atmesta</translation>
    </message>
    <message>
        <source>Poor service</source>
        <translation>Prastas aptarnavimas</translation>
    </message>
    <message>
        <source>Poor product</source>
        <translation>Prasta prekė</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Kaina</translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation>Perėjo pas konkurentą</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Išsikraustė</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Nebereikia</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Kita</translation>
    </message>
    <message>
        <source>Customer {code}</source>
        <translation>Klientas {code}</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>Čempionai</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Lojalūs</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>Būsimi lojalūs</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nauji</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Perspektyvūs</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Reikia dėmesio</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>Užmiega</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>Negalima prarasti</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Miegantys</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Prarasti</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Įveskite sumą.</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money.</source>
        <translation>„{text}“ nėra pinigų suma.</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Rusija</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Lietuva</translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation>Jungtinė Karalystė</translation>
    </message>
    <message>
        <source>the United States</source>
        <translation>JAV</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Latvija</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Estija</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Lenkija</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Vokietija</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Baltarusija</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukraina</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kazachstanas</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Telefono numeris tuščias.</translation>
    </message>
    <message>
        <source>“{phone}” does not look like a phone number.</source>
        <translation>„{phone}“ nepanašu į telefono numerį.</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number.</source>
        <translation>„{phone}“ – neteisingas telefono numeris.</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number for {country}. Numbers from abroad start with + and the country code.</source>
        <translation>„{phone}“ – neteisingas numeris šaliai {country}. Numeriai iš užsienio prasideda + ir šalies kodu.</translation>
    </message>
    <message>
        <source>{key} must be a {kind}.</source>
        <translation>{key} turi būti {kind} tipo.</translation>
    </message>
    <message>
        <source>{key} must be at least {min}.</source>
        <translation>{key} turi būti ne mažiau kaip {min}.</translation>
    </message>
    <message>
        <source>{key} must be at most {max}.</source>
        <translation>{key} turi būti ne daugiau kaip {max}.</translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation>{key} negali būti {value}.</translation>
    </message>
    <message>
        <source>Prospect</source>
        <comment>a customer&apos;s status</comment>
        <translation>Be pirkimų</translation>
    </message>
    <message>
        <source>New</source>
        <comment>a customer&apos;s status</comment>
        <translation>Naujas</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>a customer&apos;s status</comment>
        <translation>Aktyvus</translation>
    </message>
    <message>
        <source>At risk</source>
        <comment>a customer&apos;s status</comment>
        <translation>Gali išeiti</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <comment>a customer&apos;s status</comment>
        <translation>Seniai pirko</translation>
    </message>
    <message>
        <source>Lost</source>
        <comment>a customer&apos;s status</comment>
        <translation>Išėjęs</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>usually every …</comment>
        <translation>
            <numerusform>%Ln dieną</numerusform>
            <numerusform>%Ln dienas</numerusform>
            <numerusform>%Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <source>{gap} days</source>
        <comment>usually every … (a fraction of a day)</comment>
        <translation>{gap} dienos</translation>
    </message>
    <message>
        <source>No purchase yet.</source>
        <translation>Pirkimų dar nėra.</translation>
    </message>
    <message>
        <source>Marked as lost.</source>
        <translation>Pažymėtas kaip išėjęs.</translation>
    </message>
    <message>
        <source>First purchase today.</source>
        <translation>Pirmasis pirkimas šiandien.</translation>
    </message>
    <message numerus="yes">
        <source>First purchase %Ln days ago.</source>
        <translation>
            <numerusform>Pirmasis pirkimas prieš %Ln dieną.</numerusform>
            <numerusform>Pirmasis pirkimas prieš %Ln dienas.</numerusform>
            <numerusform>Pirmasis pirkimas prieš %Ln dienų.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days; usually every {gap}.</source>
        <translation>
            <numerusform>Nepirko %Ln dieną; paprastai kas {gap}.</numerusform>
            <numerusform>Nepirko %Ln dienas; paprastai kas {gap}.</numerusform>
            <numerusform>Nepirko %Ln dienų; paprastai kas {gap}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No purchase for %Ln days.</source>
        <translation>
            <numerusform>Nepirko %Ln dieną.</numerusform>
            <numerusform>Nepirko %Ln dienas.</numerusform>
            <numerusform>Nepirko %Ln dienų.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Įveskite kliento vardą.</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation>Vardas per ilgas (ne daugiau kaip 200 simbolių).</translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address (like name@example.com).</source>
        <translation>„{email}“ nėra el. pašto adresas (pvz., vardas@example.com).</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>Gimtadienis negali būti ateityje.</translation>
    </message>
    <message>
        <source>The birthday is too far in the past.</source>
        <translation>Gimtadienis per senas.</translation>
    </message>
    <message>
        <source>A tag is too long (at most 60 characters): “{tag}”.</source>
        <translation>Žymė per ilga (ne daugiau kaip 60 simbolių): „{tag}“.</translation>
    </message>
    <message>
        <source>The card number is too long.</source>
        <translation>Kortelės numeris per ilgas.</translation>
    </message>
    <message>
        <source>The amount cannot be below zero; 0 records a free visit.</source>
        <translation>Suma negali būti mažesnė už nulį; 0 – tai apsilankymas be pirkimo.</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>Pasirinkite, kaip baigėsi skambutis.</translation>
    </message>
    <message>
        <source>Choose how you contacted them.</source>
        <translation>Pasirinkite, kaip susisiekėte.</translation>
    </message>
    <message>
        <source>The score is from 0 to 10.</source>
        <translation>Įvertinimas – nuo 0 iki 10.</translation>
    </message>
    <message>
        <source>The next call must be after today.</source>
        <translation>Kitas skambutis turi būti vėliau nei šiandien.</translation>
    </message>
    <message>
        <source>When should you call back?</source>
        <translation>Kada perskambinti?</translation>
    </message>
    <message>
        <source>Write the name of the person they recommended.</source>
        <translation>Parašykite rekomenduoto žmogaus vardą.</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>Šio kliento nebėra.</translation>
    </message>
    <message>
        <source>Undo call with {name}</source>
        <translation>Atšaukti skambutį: {name}</translation>
    </message>
    <message>
        <source>recommended by {name}</source>
        <translation>rekomendavo {name}</translation>
    </message>
    <message>
        <source>Undo adding {name}</source>
        <translation>Atšaukti pridėjimą: {name}</translation>
    </message>
    <message>
        <source>Undo changes to {name}</source>
        <translation>Atšaukti pakeitimus: {name}</translation>
    </message>
    <message>
        <source>Undo delete of {name}</source>
        <translation>Atšaukti ištrynimą: {name}</translation>
    </message>
    <message numerus="yes">
        <source>Undo delete of %Ln customers</source>
        <translation>
            <numerusform>Atšaukti %Ln kliento ištrynimą</numerusform>
            <numerusform>Atšaukti %Ln klientų ištrynimą</numerusform>
            <numerusform>Atšaukti %Ln klientų ištrynimą</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation>Atšaukti atkūrimą</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation>Klientas negali rekomenduoti pats savęs.</translation>
    </message>
    <message>
        <source>The referring customer no longer exists.</source>
        <translation>Rekomendavusio kliento nebėra.</translation>
    </message>
    <message>
        <source>Card {card} already belongs to {name}.</source>
        <translation>Kortelė {card} jau priklauso klientui {name}.</translation>
    </message>
    <message>
        <source>{tier}, {discount} off</source>
        <translation>{tier}, nuolaida {discount}</translation>
    </message>
    <message>
        <source>Retainer: summary on {date}</source>
        <translation>Retainer: suvestinė {date}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Rodiklis</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Reikšmė</translation>
    </message>
    <message>
        <source>everyone in the base, outside the trash</source>
        <translation>visi bazėje, išskyrus šiukšlinę</translation>
    </message>
    <message>
        <source>of customers who bought once, the share who came back</source>
        <translation>iš pirkusių vieną kartą – dalis sugrįžusių</translation>
    </message>
    <message>
        <source>purchases in the last year / customers who bought in it</source>
        <translation>pirkimai per paskutinius metus / tais metais pirkę klientai</translation>
    </message>
    <message numerus="yes">
        <source>bought something in the last %Ln days</source>
        <translation>
            <numerusform>ką nors pirko per paskutinę %Ln dieną</numerusform>
            <numerusform>ką nors pirko per paskutines %Ln dienas</numerusform>
            <numerusform>ką nors pirko per paskutines %Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <source>revenue / purchases, last 365 days</source>
        <translation>pajamos / pirkimai, paskutinės 365 dienos</translation>
    </message>
    <message>
        <source>first to last purchase of customers who lapsed or were lost</source>
        <translation>nuo pirmo iki paskutinio pirkimo tų, kurie seniai pirko ar išėjo</translation>
    </message>
    <message>
        <source>2+ purchases in the last year / customers who bought in it</source>
        <translation>2+ pirkimai per paskutinius metus / tais metais pirkę klientai</translation>
    </message>
    <message>
        <source>Retention by month</source>
        <translation>Išlaikymas pagal mėnesius</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mėnuo</translation>
    </message>
    <message>
        <source>Active at start (S)</source>
        <translation>Aktyvūs pradžioje (S)</translation>
    </message>
    <message>
        <source>New (N)</source>
        <translation>Nauji (N)</translation>
    </message>
    <message>
        <source>Active at end (E)</source>
        <translation>Aktyvūs pabaigoje (E)</translation>
    </message>
    <message>
        <source>CRR</source>
        <translation>CRR</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Nutekėjimas</translation>
    </message>
    <message>
        <source>CRR = (E − N) / S: of the customers you had at the start of the month, the share you still had at its end, not counting new ones.</source>
        <translation>CRR = (E − N) / S: iš klientų, kuriuos turėjote mėnesio pradžioje, dalis, likusi jo pabaigoje, neskaičiuojant naujų.</translation>
    </message>
    <message>
        <source>Customer retention and churn by month</source>
        <translation>Klientų išlaikymas ir nutekėjimas pagal mėnesius</translation>
    </message>
    <message>
        <source>NPS by month</source>
        <translation>NPS pagal mėnesius</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Rekomenduotojai (9–10)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Neutralūs (7–8)</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Kritikai (0–6)</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the month.</source>
        <translation>NPS = % rekomenduotojų − % kritikų, pagal paskutinį kiekvieno kliento atsakymą per mėnesį.</translation>
    </message>
    <message>
        <source>NPS answers by month</source>
        <translation>NPS atsakymai pagal mėnesius</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>atsakymai</translation>
    </message>
    <message>
        <source>Saved {file}: {customers}, {purchases}.</source>
        <translation>Įrašyta: {file}: {customers}, {purchases}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>saved …</comment>
        <translation>
            <numerusform>%Ln pirkimas</numerusform>
            <numerusform>%Ln pirkimai</numerusform>
            <numerusform>%Ln pirkimų</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Suvestinė</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Įrašoma</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Paskutinis pirkimas</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Pirkimai</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Iš viso išleista</translation>
    </message>
    <message>
        <source>{field}: “{theirs}” there, “{mine}” here</source>
        <translation>{field}: ten „{theirs}“, čia „{mine}“</translation>
    </message>
    <message>
        <source>While this card was open, {name} was changed and saved on another terminal. Both of you changed:
{lines}
Nothing was saved yet.</source>
        <translation>Kol ši kortelė buvo atidaryta, kliento {name} duomenys buvo pakeisti ir išsaugoti kitame terminale. Abu pakeitėte:
{lines}
Kol kas niekas neišsaugota.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>taip</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ne</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kodas</translation>
    </message>
    <message>
        <source>Referred by (code)</source>
        <translation>Kas rekomendavo (kodas)</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Pirmasis pirkimas</translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation>Išėjimo priežastis</translation>
    </message>
    <message>
        <source>Code in your files</source>
        <translation>Kodas jūsų failuose</translation>
    </message>
    <message>
        <source>Purchases before Retainer</source>
        <translation>Pirkimų iki Retainer</translation>
    </message>
    <message>
        <source>Spent before Retainer</source>
        <translation>Išleista iki Retainer</translation>
    </message>
    <message>
        <source>First purchase before Retainer</source>
        <translation>Pirmasis pirkimas iki Retainer</translation>
    </message>
    <message>
        <source>Last purchase before Retainer</source>
        <translation>Paskutinis pirkimas iki Retainer</translation>
    </message>
    <message>
        <source>Tier</source>
        <comment>a loyalty tier</comment>
        <translation>Lygis</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>Kliento kodas</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Suma</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentaras</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Skambučiai</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Kaip</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Rezultatas</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Patenkintas</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Kodėl ne</translation>
    </message>
    <message>
        <source>Could offer</source>
        <translation>Ką galėtume pasiūlyti</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Rekomendavo</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Atsiliepimai</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Įvertinimas (0–10)</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Skundas</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Sprendimas</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Priminimai</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Terminas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Kodėl</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Būklė</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>Atidėta iki</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Pastaba</translation>
    </message>
    <message>
        <source>Answered {score} of 10: ask what went wrong.</source>
        <translation>Įvertino {score} iš 10: paklauskite, kas buvo negerai.</translation>
    </message>
    <message>
        <source>Give a score or write what the customer said.</source>
        <translation>Įrašykite įvertinimą arba ką pasakė klientas.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Data dar neatėjo.</translation>
    </message>
    <message>
        <source>Undo feedback</source>
        <translation>Atšaukti atsiliepimą</translation>
    </message>
    <message>
        <source>Write how the complaint was resolved.</source>
        <translation>Įrašykite, kaip skundas buvo išspręstas.</translation>
    </message>
    <message>
        <source>This feedback no longer exists.</source>
        <translation>Šio atsiliepimo nebėra.</translation>
    </message>
    <message>
        <source>Undo resolution</source>
        <translation>Atšaukti sprendimą</translation>
    </message>
    <message>
        <source>Choose why the customer left.</source>
        <translation>Pasirinkite, kodėl klientas išėjo.</translation>
    </message>
    <message>
        <source>Undo marking as lost</source>
        <translation>Atšaukti žymą „išėjo“</translation>
    </message>
    <message>
        <source>Undo won back</source>
        <translation>Atšaukti sugrįžimą</translation>
    </message>
    <message>
        <source>No customer with this code, card number, phone or e-mail.</source>
        <translation>Nėra kliento su tokiu kodu, kortelės numeriu, telefonu ar el. paštu.</translation>
    </message>
    <message>
        <source>This card number already belongs to another customer; the customer was imported without it.</source>
        <translation>Šis kortelės numeris jau priklauso kitam klientui; klientas importuotas be jo.</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {file} is empty.</source>
        <translation>{file} lapas „{sheet}“ tuščias.</translation>
    </message>
    <message>
        <source>{file}: all the columns are in one, their values joined by “{separator}” (for example “{example}…”), so nothing can be told apart. In Excel, select the column and use Data → Text to Columns with “{separator}” as the separator, save, and import again.</source>
        <translation>{file}: visi stulpeliai sulieti į vieną, reikšmės atskirtos „{separator}“ (pvz., „{example}…“), todėl jų neatskirti. Excel pažymėkite stulpelį, pasirinkite Duomenys → Tekstas į stulpelius su skyrikliu „{separator}“, įrašykite ir importuokite iš naujo.</translation>
    </message>
    <message>
        <source>{added}, {updated}, {skipped}; {purchases}</source>
        <translation>{added}, {updated}, {skipped}; {purchases}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers added</source>
        <translation>
            <numerusform>pridėtas %Ln klientas</numerusform>
            <numerusform>pridėti %Ln klientai</numerusform>
            <numerusform>pridėta %Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>atnaujintas %Ln</numerusform>
            <numerusform>atnaujinti %Ln</numerusform>
            <numerusform>atnaujinta %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <comment>customers …</comment>
        <translation>
            <numerusform>praleistas %Ln</numerusform>
            <numerusform>praleisti %Ln</numerusform>
            <numerusform>praleista %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases added</source>
        <translation>
            <numerusform>pridėtas %Ln pirkimas</numerusform>
            <numerusform>pridėti %Ln pirkimai</numerusform>
            <numerusform>pridėta %Ln pirkimų</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which column holds the name, the phone, the e-mail, the customer&apos;s code or the card number.</source>
        <translation>Pasirinkite stulpelį su vardu, telefonu, el. paštu, kliento kodu ar kortelės numeriu.</translation>
    </message>
    <message>
        <source>Purchases need a date: choose the column with the purchase date, or do not import the amount.</source>
        <translation>Pirkimams reikia datos: pasirinkite stulpelį su pirkimo data arba neimportuokite sumos.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Ne data.</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or written in a way Retainer does not understand ({reason}). Nothing was imported. Open it in Excel, save it again as .xlsx and retry.</source>
        <translation>{file} neperskaitomas: jis sugadintas arba įrašytas taip, kaip Retainer nesupranta ({reason}). Niekas neimportuota. Atidarykite jį Excel, įrašykite kaip .xlsx ir bandykite vėl.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Eilutė</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Stulpelis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Klaida</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Klaidos</translation>
    </message>
    <message>
        <source>This import is not in the history.</source>
        <translation>Šio importo istorijoje nėra.</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>Šis importas jau atšauktas.</translation>
    </message>
    <message numerus="yes">
        <source>Customers added by this import have %Ln purchases recorded since; undoing it would lose them. Delete those customers one by one instead.</source>
        <translation>
            <numerusform>Šio importo klientams nuo tada įrašytas %Ln pirkimas; atšaukus jis dingtų. Ištrinkite tuos klientus po vieną.</numerusform>
            <numerusform>Šio importo klientams nuo tada įrašyti %Ln pirkimai; atšaukus jie dingtų. Ištrinkite tuos klientus po vieną.</numerusform>
            <numerusform>Šio importo klientams nuo tada įrašyta %Ln pirkimų; atšaukus jie dingtų. Ištrinkite tuos klientus po vieną.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo purchase of {amount}</source>
        <translation>Atšaukti pirkimą už {amount}</translation>
    </message>
    <message>
        <source>Undo purchase change</source>
        <translation>Atšaukti pirkimo pakeitimą</translation>
    </message>
    <message>
        <source>Undo purchase delete</source>
        <translation>Atšaukti pirkimo ištrynimą</translation>
    </message>
    <message>
        <source>This purchase no longer exists.</source>
        <translation>Šio pirkimo nebėra.</translation>
    </message>
    <message>
        <source>Birthday on {date}</source>
        <translation>Gimtadienis {date}</translation>
    </message>
    <message>
        <source>The reminder date is in the past.</source>
        <translation>Priminimo data jau praėjo.</translation>
    </message>
    <message>
        <source>Undo new reminder</source>
        <translation>Atšaukti naują priminimą</translation>
    </message>
    <message>
        <source>Snooze until a day after today.</source>
        <translation>Atidėkite bent iki rytojaus.</translation>
    </message>
    <message>
        <source>Undo snooze</source>
        <translation>Atšaukti atidėjimą</translation>
    </message>
    <message>
        <source>Undo dismiss</source>
        <translation>Atšaukti atmetimą</translation>
    </message>
    <message>
        <source> — {tier}: {discount} off</source>
        <translation> — {tier}: nuolaida {discount}</translation>
    </message>
    <message>
        <source>You planned this call: it comes first.</source>
        <translation>Šį skambutį pažadėjote: jis pirmas.</translation>
    </message>
    <message>
        <source>A birthday: a short call keeps you in mind.</source>
        <translation>Gimtadienis: trumpas skambutis primins apie jus.</translation>
    </message>
    <message>
        <source>Spends about {amount} a year</source>
        <translation>Per metus išleidžia apie {amount}</translation>
    </message>
    <message>
        <source>too little history yet to estimate who is still a customer</source>
        <translation>dar per maža istorija, kad būtų galima įvertinti, kas tebėra klientas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days past their usual rhythm</source>
        <translation>
            <numerusform>%Ln diena ilgiau nei įprastai</numerusform>
            <numerusform>%Ln dienomis ilgiau nei įprastai</numerusform>
            <numerusform>%Ln dienų ilgiau nei įprastai</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more wait their turn, most worth calling first.</source>
        <translation>
            <numerusform>Dar %Ln laukia savo eilės, svarbiausi pirmiau.</numerusform>
            <numerusform>Dar %Ln laukia savo eilės, svarbiausi pirmiau.</numerusform>
            <numerusform>Dar %Ln laukia savo eilės, svarbiausi pirmiau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done for today: %Ln calls to customers drifting away are logged, as many as Today holds in a day.</source>
        <translation>
            <numerusform>Šiandienai viskas: įrašytas %Ln skambutis nutolstantiems klientams – tiek, kiek telpa į sąrašą „Šiandien“ per dieną.</numerusform>
            <numerusform>Šiandienai viskas: įrašyti %Ln skambučiai nutolstantiems klientams – tiek, kiek telpa į sąrašą „Šiandien“ per dieną.</numerusform>
            <numerusform>Šiandienai viskas: įrašyta %Ln skambučių nutolstantiems klientams – tiek, kiek telpa į sąrašą „Šiandien“ per dieną.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings changes how many calls a day.</source>
        <translation>Kiek skambučių per dieną, keičiama nustatymuose.</translation>
    </message>
    <message numerus="yes">
        <source>Today holds %Ln calls a day to customers drifting away.</source>
        <translation>
            <numerusform>Į sąrašą „Šiandien“ telpa %Ln skambutis per dieną nutolstantiems klientams.</numerusform>
            <numerusform>Į sąrašą „Šiandien“ telpa %Ln skambučiai per dieną nutolstantiems klientams.</numerusform>
            <numerusform>Į sąrašą „Šiandien“ telpa %Ln skambučių per dieną nutolstantiems klientams.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings changes how many.</source>
        <translation>Tai keičiama nustatymuose.</translation>
    </message>
    <message numerus="yes">
        <source>None of your %Ln customers has a purchase recorded yet. Record or import their purchases: Retainer learns each one&apos;s rhythm from them and tells you who falls behind.</source>
        <translation>
            <numerusform>Nė vienas iš jūsų %Ln kliento dar neturi pirkimų. Įrašykite arba importuokite jų pirkimus: iš jų Retainer sužino kiekvieno ritmą ir pasako, kas atsilieka.</numerusform>
            <numerusform>Nė vienas iš jūsų %Ln klientų dar neturi pirkimų. Įrašykite arba importuokite jų pirkimus: iš jų Retainer sužino kiekvieno ritmą ir pasako, kas atsilieka.</numerusform>
            <numerusform>Nė vienas iš jūsų %Ln klientų dar neturi pirkimų. Įrašykite arba importuokite jų pirkimus: iš jų Retainer sužino kiekvieno ritmą ir pasako, kas atsilieka.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{prospects} of your %Ln customers have no purchase recorded, so Retainer cannot yet tell whether they are drifting away: import or record their purchases.</source>
        <translation>
            <numerusform>{prospects} iš jūsų %Ln kliento neturi nė vieno pirkimo, todėl Retainer dar negali pasakyti, ar jie nutolsta: importuokite arba įrašykite jų pirkimus.</numerusform>
            <numerusform>{prospects} iš jūsų %Ln klientų neturi nė vieno pirkimo, todėl Retainer dar negali pasakyti, ar jie nutolsta: importuokite arba įrašykite jų pirkimus.</numerusform>
            <numerusform>{prospects} iš jūsų %Ln klientų neturi nė vieno pirkimo, todėl Retainer dar negali pasakyti, ar jie nutolsta: importuokite arba įrašykite jų pirkimus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers are drifting away, but each was called or dismissed in the last {cooldown}, is marked do not call, or has been silent for over {winback}.</source>
        <translation>
            <numerusform>%Ln klientas nutolsta, bet jam skambinta arba priminimas atmestas per paskutines {cooldown}, jis pažymėtas „neskambinti“ arba tyli ilgiau nei {winback}.</numerusform>
            <numerusform>%Ln klientai nutolsta, bet kiekvienam skambinta arba priminimas atmestas per paskutines {cooldown}, jie pažymėti „neskambinti“ arba tyli ilgiau nei {winback}.</numerusform>
            <numerusform>%Ln klientų nutolsta, bet kiekvienam skambinta arba priminimas atmestas per paskutines {cooldown}, jie pažymėti „neskambinti“ arba tyli ilgiau nei {winback}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>in the last …</comment>
        <translation>
            <numerusform>%Ln dieną</numerusform>
            <numerusform>%Ln dienas</numerusform>
            <numerusform>%Ln dienų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>for over …</comment>
        <translation>
            <numerusform>%Ln dieną</numerusform>
            <numerusform>%Ln dienas</numerusform>
            <numerusform>%Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <source>Higher spend, a better chance they are still yours and a longer delay put a customer higher.</source>
        <translation>Aukščiau tie, kurie daugiau išleidžia, labiau tikėtina, kad vis dar jūsų, ir ilgiau nesirodė.</translation>
    </message>
    <message>
        <source>{p} likely still a customer</source>
        <translation>{p} tikimybė, kad vis dar klientas</translation>
    </message>
    <message>
        <source>{n} purchases expected in 90 days</source>
        <translation>tikėtini pirkimai per 90 dienų: {n}</translation>
    </message>
    <message>
        <source>There are no customers yet. Import your list or add customers, with their purchases: Retainer learns each one&apos;s rhythm and tells you who falls behind.</source>
        <translation>Klientų dar nėra. Importuokite savo sąrašą arba pridėkite klientų su jų pirkimais: Retainer sužino kiekvieno ritmą ir pasako, kas atsilieka.</translation>
    </message>
    <message>
        <source>Everyone who buys is keeping to their usual pace.</source>
        <translation>Visi perkantys laikosi įprasto ritmo.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Priežastis</translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation>Vis dar klientas</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Paskutinis skambutis</translation>
    </message>
    <message>
        <source>Calls {date}</source>
        <translation>Skambučiai {date}</translation>
    </message>
    <message>
        <source>Making a demo base…</source>
        <translation>Kuriama demonstracinė bazė…</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Retainer</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>Serveris nepasiekiamas</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Bandyti dar kartą</translation>
    </message>
    <message>
        <source>The customer base could not be opened: {reason}</source>
        <translation>Nepavyko atidaryti klientų bazės: {reason}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Atkuriama atsarginė kopija…</translation>
    </message>
    <message>
        <source>Restored the backup of {when}. The base as it was is kept in {before}.</source>
        <translation>Atkurta {when} kopija. Ankstesnė bazė išsaugota {before}.</translation>
    </message>
    <message>
        <source>Retainer is already open on {location}: its window was brought forward.</source>
        <translation>Retainer jau atvertas su baze {location}: jo langas iškeltas į priekį.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Atkūrimas iš atsarginės kopijos</translation>
    </message>
    <message>
        <source> Details were saved in {path}.</source>
        <translation> Išsami informacija įrašyta: {path}.</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}.</source>
        <translation>Kažkas nepavyko: {reason}.</translation>
    </message>
    <message>
        <source>Call {name}</source>
        <translation>Skambutis: {name}</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>nėra telefono numerio</translation>
    </message>
    <message>
        <source>did not agree to messages</source>
        <translation>nesutiko gauti žinučių</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>nėra el. pašto</translation>
    </message>
    <message>
        <source>contacted lately</source>
        <translation>neseniai susisiekta</translation>
    </message>
    <message>
        <source>No customer is in this segment right now, so there is nobody to write to. Change the filters, or choose another segment.</source>
        <translation>Šiuo metu šiame segmente nėra nė vieno kliento, todėl nėra kam rašyti. Pakeiskite filtrus arba pasirinkite kitą segmentą.</translation>
    </message>
    <message>
        <source>Nobody in this segment can be sent the message: {why}.</source>
        <translation>Nė vienam šio segmento klientui negalima išsiųsti žinutės: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Undo the message to %Ln customers</source>
        <translation>
            <numerusform>Atšaukti žinutę %Ln klientui</numerusform>
            <numerusform>Atšaukti žinutę %Ln klientams</numerusform>
            <numerusform>Atšaukti žinutę %Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Žinutė</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Gavėjai</translation>
    </message>
    <message>
        <source>Could not save the recipients to {path}: {why}. Nothing was logged as sent; choose a folder you can write to, such as Documents.</source>
        <translation>Nepavyko išsaugoti gavėjų į {path}: {why}. Niekas nepažymėta kaip išsiųsta; pasirinkite aplanką, į kurį galima rašyti, pvz., „Dokumentai“.</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Kopijuoti numerį</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Kaip sekėsi?</translation>
    </message>
    <message>
        <source>The three questions</source>
        <translation>Trys klausimai</translation>
    </message>
    <message>
        <source>didn&apos;t say</source>
        <translation>nepasakė</translation>
    </message>
    <message>
        <source>yes, fully</source>
        <translation>taip, visiškai</translation>
    </message>
    <message>
        <source>what went wrong</source>
        <translation>kas buvo negerai</translation>
    </message>
    <message>
        <source>a product or service that would help them</source>
        <translation>prekė ar paslauga, kuri jiems praverstų</translation>
    </message>
    <message>
        <source>name</source>
        <translation>vardas</translation>
    </message>
    <message>
        <source>phone (optional)</source>
        <translation>telefonas (nebūtina)</translation>
    </message>
    <message>
        <source>1. Are you 100 % satisfied with us? If not, why?</source>
        <translation>1. Ar esate mumis 100 % patenkinti? Jei ne, kodėl?</translation>
    </message>
    <message>
        <source>2. Anything else we could offer you?</source>
        <translation>2. Ką dar galėtume jums pasiūlyti?</translation>
    </message>
    <message>
        <source>3. Someone who might be interested in us?</source>
        <translation>3. Kas iš pažįstamų galėtų mumis susidomėti?</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>neklausta</translation>
    </message>
    <message>
        <source>“How likely are you to recommend us to a friend, from 0 to 10?”</source>
        <translation>„Kiek tikėtina, kad rekomenduotumėte mus draugui, nuo 0 iki 10?“</translation>
    </message>
    <message>
        <source>dd.mm.yyyy, optional</source>
        <translation>mmmm-mm-dd, nebūtina</translation>
    </message>
    <message>
        <source>Don&apos;t call this customer again</source>
        <translation>Šiam klientui daugiau neskambinti</translation>
    </message>
    <message>
        <source>Would recommend us (0–10)</source>
        <translation>Rekomenduotų mus (0–10)</translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation>Paskambinti vėl</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>Įrašyti skambutį</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Neįrašyti pakeitimai</translation>
    </message>
    <message>
        <source>You changed {name}&apos;s details. Save the changes before Retainer closes?</source>
        <translation>Pakeitėte kliento {name} duomenis. Įrašyti pakeitimus prieš uždarant Retainer?</translation>
    </message>
    <message>
        <source>You were editing {name} when Retainer closed: restore your changes?</source>
        <translation>Kai Retainer užsidarė, redagavote klientą {name}: grąžinti jūsų pakeitimus?</translation>
    </message>
    <message>
        <source>a new customer</source>
        <translation>naujas klientas</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Naujas klientas</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Atidaroma…</translation>
    </message>
    <message>
        <source>Fill in at least the name.</source>
        <translation>Įrašykite bent vardą.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Įvertinimas</translation>
    </message>
    <message>
        <source>Log a call…</source>
        <translation>Įrašyti skambutį…</translation>
    </message>
    <message>
        <source>Remind me to call…</source>
        <translation>Priminti paskambinti…</translation>
    </message>
    <message>
        <source>Add an answer or complaint…</source>
        <translation>Pridėti atsiliepimą ar skundą…</translation>
    </message>
    <message>
        <source>No calls yet. Calls logged from the Today list appear here.</source>
        <translation>Skambučių dar nėra. Čia bus skambučiai, įrašyti iš sąrašo „Šiandien“.</translation>
    </message>
    <message>
        <source>No feedback yet. Answers to “how likely are you to recommend us” and complaints appear here.</source>
        <translation>Atsiliepimų dar nėra. Čia bus atsakymai į klausimą „ar rekomenduotumėte mus“ ir skundai.</translation>
    </message>
    <message>
        <source>No reminders for this customer.</source>
        <translation>Šis klientas neturi priminimų.</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Lojalumas</translation>
    </message>
    <message>
        <source>No moves between loyalty tiers yet.</source>
        <translation>Lojalumo lygis dar nesikeitė.</translation>
    </message>
    <message>
        <source>Mark as lost…</source>
        <translation>Pažymėti, kad išėjo…</translation>
    </message>
    <message>
        <source>The customer has left: record why</source>
        <translation>Klientas išėjo: įrašykite kodėl</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Įrašyti</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Įrašyti (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Save the customer first (Ctrl+S), then add purchases here.</source>
        <translation>Pirmiausia įrašykite klientą (Ctrl+S), tada čia pridėkite pirkimus.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>šiandien</translation>
    </message>
    <message>
        <source>What they bought (optional)</source>
        <translation>Ką pirko (nebūtina)</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>Pridėti pirkimą</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>No purchases yet. Type an amount above and press Enter.</source>
        <translation>Pirkimų dar nėra. Įveskite sumą viršuje ir paspauskite Enter.</translation>
    </message>
    <message>
        <source>Ctrl+P: type an amount, Enter to save. Double-click a purchase to correct it; Del removes it.</source>
        <translation>Ctrl+P: įveskite sumą, Enter – įrašyti. Dukart spustelėkite pirkimą, kad pataisytumėte; Del – ištrinti.</translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation> (šiukšlinėje)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases, {total} in all</source>
        <translation>
            <numerusform>%Ln pirkimas, iš viso {total}</numerusform>
            <numerusform>%Ln pirkimai, iš viso {total}</numerusform>
            <numerusform>%Ln pirkimų, iš viso {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>customer since {date}</source>
        <translation>klientas nuo {date}</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>Sugrįžo</translation>
    </message>
    <message>
        <source>{p} likely still a customer, {n} purchases expected in 90 days</source>
        <translation>{p} tikimybė, kad vis dar klientas; tikėtini pirkimai per 90 dienų: {n}</translation>
    </message>
    <message>
        <source>Your changes from before Retainer closed are back; they are not saved yet.</source>
        <translation>Jūsų pakeitimai iš prieš Retainer užsidarymą grąžinti; jie dar neįrašyti.</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>Įrašyti pirkimą</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Kažkas nepavyko.</translation>
    </message>
    <message>
        <source>You changed this customer&apos;s details. Save the changes?</source>
        <translation>Pakeitėte šio kliento duomenis. Įrašyti pakeitimus?</translation>
    </message>
    <message>
        <source>e.g. +370 612 34567 or 8 916 123-45-67</source>
        <translation>pvz., +370 612 34567 arba 8 612 34567</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>mmmm-mm-dd</translation>
    </message>
    <message>
        <source>comma-separated, e.g. VIP, coffee</source>
        <translation>atskirkite kableliais, pvz.: VIP, kava</translation>
    </message>
    <message>
        <source>how they found you</source>
        <translation>kaip jus rado</translation>
    </message>
    <message>
        <source>Agreed to receive messages (on {date})</source>
        <translation>Sutiko gauti žinutes ({date})</translation>
    </message>
    <message>
        <source>Agreed to receive messages</source>
        <translation>Sutinka gauti žinutes</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Rekomendavo</translation>
    </message>
    <message>
        <source>type a name or phone</source>
        <translation>įveskite vardą ar telefoną</translation>
    </message>
    <message>
        <source>Nobody referred this customer</source>
        <translation>Šio kliento niekas nerekomendavo</translation>
    </message>
    <message>
        <source>Pick the customer from the list that opens as you type, or clear the field.</source>
        <translation>Pasirinkite klientą iš sąrašo, kuris atsiveria rašant, arba išvalykite lauką.</translation>
    </message>
    <message>
        <source>Buying much less often than usual: worth a call.</source>
        <translation>Perka daug rečiau nei įprastai: verta paskambinti.</translation>
    </message>
    <message>
        <source>No purchase for longer than the lapse period.</source>
        <translation>Neperka ilgiau nei nustatytas laikotarpis.</translation>
    </message>
    <message>
        <source>One purchase so far, recently.</source>
        <translation>Kol kas vienas pirkimas, neseniai.</translation>
    </message>
    <message>
        <source>Buying at their usual pace.</source>
        <translation>Perka įprastu ritmu.</translation>
    </message>
    <message>
        <source>Has not bought anything yet.</source>
        <translation>Dar nieko nepirko.</translation>
    </message>
    <message>
        <source>Import my Excel list</source>
        <translation>Importuoti mano Excel sąrašą</translation>
    </message>
    <message>
        <source>Start empty: add a customer</source>
        <translation>Pradėti tuščią: pridėti klientą</translation>
    </message>
    <message>
        <source>Look around a demo base</source>
        <translation>Apsidairyti demonstracinėje bazėje</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Keisti…</translation>
    </message>
    <message>
        <source>Find by name, phone, e-mail, card or tag (Ctrl+F)</source>
        <translation>Ieškoti pagal vardą, telefoną, el. paštą, kortelę ar žymę (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Visos būsenos</translation>
    </message>
    <message>
        <source>RFM segment: how recently and how often they buy</source>
        <translation>RFM segmentas: kaip seniai ir kaip dažnai perka</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Visi segmentai</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Visos žymės</translation>
    </message>
    <message>
        <source>Loyalty tier (Settings → Loyalty tiers)</source>
        <translation>Lojalumo lygis (Nustatymai → Lojalumo lygiai)</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Visi lygiai</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Daugiau filtrų</translation>
    </message>
    <message>
        <source>When they last bought, what they spent, consent, city, source</source>
        <translation>Kada pirko paskutinį kartą, kiek išleido, sutikimas, miestas, šaltinis</translation>
    </message>
    <message>
        <source>Message…</source>
        <translation>Žinutė…</translation>
    </message>
    <message>
        <source>Write to the customers shown: a text for each, for your SMS or e-mail service</source>
        <translation>Parašyti rodomiems klientams: tekstas kiekvienam, jūsų SMS ar el. pašto paslaugai</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Šiukšlinė</translation>
    </message>
    <message>
        <source>Show customers moved to the trash, to restore them</source>
        <translation>Rodyti klientus šiukšlinėje, kad juos atkurtumėte</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>Pridėti klientą (Ctrl+N)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Atkurti</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Eksportuoti sąrašą…</translation>
    </message>
    <message>
        <source>Save the customers shown, as filtered, to Excel</source>
        <translation>Įrašyti rodomus klientus, su filtrais, į Excel</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>Klientų dar nėra</translation>
    </message>
    <message>
        <source>Your customers will be listed here with their status, so you can see who is drifting away. Bring in the list you keep in Excel, start with an empty base, or look around a demo base first.</source>
        <translation>Čia bus jūsų klientai su jų būsena – matysite, kas nutolsta. Importuokite Excel sąrašą, kurį jau vedate, pradėkite nuo tuščios bazės arba pirmiausia apsidairykite demonstracinėje bazėje.</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Nieko nerasta</translation>
    </message>
    <message>
        <source>The trash is empty. Customers you delete go here, and can be restored.</source>
        <translation>Šiukšlinė tuščia. Čia patenka ištrinti klientai, juos galima atkurti.</translation>
    </message>
    <message>
        <source>No customer matches “{text}”. Check the spelling, or type fewer letters or digits.</source>
        <translation>Nė vienas klientas neatitinka „{text}“. Patikrinkite rašybą arba įveskite mažiau raidžių ar skaitmenų.</translation>
    </message>
    <message>
        <source>No customer matches these filters right now. Clear a filter, or choose another segment.</source>
        <translation>Šiuo metu šių filtrų neatitinka nė vienas klientas. Panaikinkite kurį nors filtrą arba pasirinkite kitą segmentą.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Skaičiuojama…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln in the trash</source>
        <translation>
            <numerusform>%Ln šiukšlinėje</numerusform>
            <numerusform>%Ln šiukšlinėje</numerusform>
            <numerusform>%Ln šiukšlinėje</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%Ln perkeltas į šiukšlinę. Ctrl+Z grąžina.</numerusform>
            <numerusform>%Ln perkelti į šiukšlinę. Ctrl+Z grąžina.</numerusform>
            <numerusform>%Ln perkelta į šiukšlinę. Ctrl+Z grąžina.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln.</source>
        <translation>
            <numerusform>Atkurtas %Ln.</numerusform>
            <numerusform>Atkurti %Ln.</numerusform>
            <numerusform>Atkurta %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Įrašyti kaip PNG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Įrašyti diagramą</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG paveikslėlis (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}: {reason}</source>
        <translation>Nepavyko įrašyti diagramos į {path}: {reason}</translation>
    </message>
    <message>
        <source>months after the first purchase</source>
        <translation>mėnesiai po pirmo pirkimo</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>klientai</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>Šis mėnuo iki šiandien</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Praėjęs mėnuo</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Praėjęs ketvirtis</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Paskutiniai 12 mėnesių</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Datos…</translation>
    </message>
    <message>
        <source>no earlier period to compare</source>
        <translation>nėra ankstesnio laikotarpio palyginti</translation>
    </message>
    <message>
        <source>{amount}{unit} against the period before</source>
        <translation>{amount}{unit} palyginti su ankstesniu laikotarpiu</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Rodikliai</translation>
    </message>
    <message>
        <source>Retention (CRR)</source>
        <translation>Išlaikymas (CRR)</translation>
    </message>
    <message>
        <source>Of the customers you had at the start of the period, how many you still had at its end, not counting new ones.</source>
        <translation>Iš klientų, kuriuos turėjote laikotarpio pradžioje, kiek liko jo pabaigoje, neskaičiuojant naujų.</translation>
    </message>
    <message>
        <source>Customers active at the start and not at the end, out of those active at the start.</source>
        <translation>Klientai, aktyvūs pradžioje, bet ne pabaigoje, iš visų aktyvių pradžioje.</translation>
    </message>
    <message>
        <source>% promoters (9–10) − % detractors (0–6), from each customer&apos;s latest answer in the period.</source>
        <translation>% rekomenduotojų (9–10) − % kritikų (0–6), pagal paskutinį kiekvieno kliento atsakymą per laikotarpį.</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>Aktyvūs klientai</translation>
    </message>
    <message>
        <source>Bought something in the lapse period before the period&apos;s end.</source>
        <translation>Ką nors pirko per nustatytą laikotarpį iki laikotarpio pabaigos.</translation>
    </message>
    <message>
        <source>Of customers who bought once, the share who came back.</source>
        <translation>Iš pirkusių vieną kartą – dalis sugrįžusių.</translation>
    </message>
    <message numerus="yes">
        <source>Needs at least %Ln customers with purchases: each one is scored against the others, and with fewer the scores would say little.</source>
        <translation>
            <numerusform>Reikia bent %Ln kliento su pirkimais: kiekvienas lyginamas su kitais, o su mažiau įvertinimai mažai ką pasakytų.</numerusform>
            <numerusform>Reikia bent %Ln klientų su pirkimais: kiekvienas lyginamas su kitais, o su mažiau įvertinimai mažai ką pasakytų.</numerusform>
            <numerusform>Reikia bent %Ln klientų su pirkimais: kiekvienas lyginamas su kitais, o su mažiau įvertinimai mažai ką pasakytų.</numerusform>
        </translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Vidutinis čekis</translation>
    </message>
    <message>
        <source>Revenue / purchases over the last 365 days.</source>
        <translation>Pajamos / pirkimai per paskutines 365 dienas.</translation>
    </message>
    <message>
        <source>New customers they brought</source>
        <translation>Atvedė naujų klientų</translation>
    </message>
    <message>
        <source>Of them, bought</source>
        <translation>Iš jų pirko</translation>
    </message>
    <message>
        <source>What those customers spent</source>
        <translation>Kiek jie išleido</translation>
    </message>
    <message>
        <source>Nobody has been referred yet. Note who recommended a new customer on the card (Referred by), or ask during a call whom they would recommend.</source>
        <translation>Kol kas niekas nerekomendavo. Kortelėje pažymėkite, kas rekomendavo naują klientą („Rekomendavo“), arba skambindami paklauskite, ką klientas galėtų rekomenduoti.</translation>
    </message>
    <message>
        <source>Who brings new customers</source>
        <translation>Kas atveda naujų klientų</translation>
    </message>
    <message>
        <source>Retention and churn by month</source>
        <translation>Išlaikymas ir nutekėjimas pagal mėnesius</translation>
    </message>
    <message>
        <source>Needs purchases from at least two months: retention compares the start and the end of each month.</source>
        <translation>Reikia bent dviejų mėnesių pirkimų: išlaikymas lygina kiekvieno mėnesio pradžią ir pabaigą.</translation>
    </message>
    <message>
        <source>Needs 0–10 answers: record them on a card or during a call.</source>
        <translation>Reikia 0–10 įvertinimų: įrašykite juos kortelėje ar skambučio metu.</translation>
    </message>
    <message>
        <source>Cohorts: share still buying, by month of first purchase</source>
        <translation>Kohortos: vis dar perkančiųjų dalis pagal pirmo pirkimo mėnesį</translation>
    </message>
    <message>
        <source>Needs purchases: each month&apos;s new customers become a row.</source>
        <translation>Reikia pirkimų: kiekvieno mėnesio nauji klientai tampa eilute.</translation>
    </message>
    <message>
        <source>Customers by status (click a bar to list them)</source>
        <translation>Klientai pagal būseną (spustelėkite stulpelį, kad pamatytumėte sąrašą)</translation>
    </message>
    <message>
        <source>Needs customers.</source>
        <translation>Reikia klientų.</translation>
    </message>
    <message>
        <source>RFM segments (click a bar to list them)</source>
        <translation>RFM segmentai (spustelėkite stulpelį, kad pamatytumėte sąrašą)</translation>
    </message>
    <message>
        <source>Why customers left</source>
        <translation>Kodėl klientai išėjo</translation>
    </message>
    <message>
        <source>Needs customers marked as lost, with the reason.</source>
        <translation>Reikia klientų, pažymėtų kaip išėję, su priežastimi.</translation>
    </message>
    <message>
        <source>pp</source>
        <comment>percentage points, after a number</comment>
        <translation>proc. p.</translation>
    </message>
    <message>
        <source>S = {s} active at the start, E = {e} at the end, N = {n} new: (E − N) / S.</source>
        <translation>S = {s} aktyvūs pradžioje, E = {e} pabaigoje, N = {n} nauji: (E − N) / S.</translation>
    </message>
    <message>
        <source>{s} at the start − {churned} left + {back} came back + {n} new = {e} at the end</source>
        <translation>{s} pradžioje − {churned} išėjo + {back} sugrįžo + {n} nauji = {e} pabaigoje</translation>
    </message>
    <message>
        <source>{amount}{unit} during the period</source>
        <translation>{amount}{unit} per laikotarpį</translation>
    </message>
    <message>
        <source>of all buying customers</source>
        <translation>iš visų perkančių klientų</translation>
    </message>
    <message>
        <source>over the last 365 days</source>
        <translation>per paskutines 365 dienas</translation>
    </message>
    <message>
        <source>what they said, in their words</source>
        <translation>ką jie pasakė, jų žodžiais</translation>
    </message>
    <message>
        <source>This is a complaint</source>
        <translation>Tai skundas</translation>
    </message>
    <message>
        <source>How likely are you to recommend us to a friend, from 0 to 10?</source>
        <translation>Kiek tikėtina, kad rekomenduotumėte mus draugui, nuo 0 iki 10?</translation>
    </message>
    <message>
        <source>Resolve the complaint</source>
        <translation>Išspręsti skundą</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(be komentaro)</translation>
    </message>
    <message>
        <source>what you did about it</source>
        <translation>ką dėl to padarėte</translation>
    </message>
    <message>
        <source>The customer has left</source>
        <translation>Klientas išėjo</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pasirinkite —</translation>
    </message>
    <message>
        <source>Their status becomes Lost and their waiting calls are closed. If they come back, press “Won back” on the card.</source>
        <translation>Jo būsena taps „Išėjęs“, o laukiantys skambučiai bus uždaryti. Jei jis sugrįš, kortelėje paspauskite „Sugrįžo“.</translation>
    </message>
    <message>
        <source>Why did they leave?</source>
        <translation>Kodėl išėjo?</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Paskutinės 30 dienų</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Paskutinės 90 dienų</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Visas laikas</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>Visi atsakymai</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Ką pasakė</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>išspręsta</translation>
    </message>
    <message>
        <source>open</source>
        <translation>atvira</translation>
    </message>
    <message>
        <source>Resolution or reason</source>
        <translation>Sprendimas ar priežastis</translation>
    </message>
    <message>
        <source>NPS = % promoters − % detractors, from each customer&apos;s latest answer in the period; from −100 to +100.</source>
        <translation>NPS = % rekomenduotojų − % kritikų, pagal paskutinį kiekvieno kliento atsakymą per laikotarpį; nuo −100 iki +100.</translation>
    </message>
    <message>
        <source>Unresolved complaints only</source>
        <translation>Tik neišspręsti skundai</translation>
    </message>
    <message>
        <source>Open the customer</source>
        <translation>Atidaryti klientą</translation>
    </message>
    <message>
        <source>Open the card to resolve a complaint or call back (Enter)</source>
        <translation>Atidaryti kortelę, kad išspręstumėte skundą ar perskambintumėte (Enter)</translation>
    </message>
    <message>
        <source>No 0–10 answers in this period yet.</source>
        <translation>Per šį laikotarpį 0–10 įvertinimų dar nėra.</translation>
    </message>
    <message>
        <source>NPS {score} — promoters: {p}, passives: {pa}, detractors: {d}</source>
        <translation>NPS {score} — rekomenduotojai: {p}, neutralūs: {pa}, kritikai: {d}</translation>
    </message>
    <message>
        <source>No feedback here</source>
        <translation>Čia atsiliepimų nėra</translation>
    </message>
    <message>
        <source>Answers to “how likely are you to recommend us”, complaints and why customers left appear here. Record them on a customer&apos;s card or in the call dialog.</source>
        <translation>Čia bus atsakymai į klausimą „ar rekomenduotumėte mus“, skundai ir išėjimo priežastys. Įrašykite juos kliento kortelėje arba skambučio lange.</translation>
    </message>
    <message>
        <source>Nothing matches these filters. Choose a longer period or all answers.</source>
        <translation>Šiems filtrams niekas neatitinka. Pasirinkite ilgesnį laikotarpį arba visus atsakymus.</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importų istorija</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Failas</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Eilutės</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Pridėta</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atnaujinta</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Atšaukta</translation>
    </message>
    <message>
        <source>Nothing imported yet. Files you import with File → Import from Excel are listed here, and each can be undone.</source>
        <translation>Dar nieko neimportuota. Čia bus failai, importuoti per Failas → Importuoti iš Excel, ir kiekvieną importą galima atšaukti.</translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation>Atšaukti pasirinktą importą</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Atšaukti importą</translation>
    </message>
    <message>
        <source>Remove the {customers} and {purchases} this import added, and put back the {updated} it changed?</source>
        <translation>Pašalinti {customers} ir {purchases}, kuriuos pridėjo šis importas, ir grąžinti ankstesnius {updated} duomenis?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln klientą</numerusform>
            <numerusform>%Ln klientus</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>remove the …</comment>
        <translation>
            <numerusform>%Ln pirkimą</numerusform>
            <numerusform>%Ln pirkimus</numerusform>
            <numerusform>%Ln pirkimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>put back the …</comment>
        <translation>
            <numerusform>%Ln kliento</numerusform>
            <numerusform>%Ln klientų</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>as chosen above</source>
        <translation>kaip pasirinkta aukščiau</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>praleisti</translation>
    </message>
    <message>
        <source>update</source>
        <translation>atnaujinti</translation>
    </message>
    <message>
        <source>fill in what is missing</source>
        <translation>papildyti trūkstamus</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Faile</translation>
    </message>
    <message>
        <source>Already there as</source>
        <translation>Jau yra kaip</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Ką daryti</translation>
    </message>
    <message>
        <source>in the base</source>
        <translation>bazėje</translation>
    </message>
    <message>
        <source>earlier in the file</source>
        <translation>anksčiau faile</translation>
    </message>
    <message>
        <source>Which file?</source>
        <translation>Kuris failas?</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls), a LibreOffice sheet (.ods) or a .csv file with your customers — and their purchases, if you have them.</source>
        <translation>Excel knyga (.xlsx, .xls), LibreOffice lentelė (.ods) arba .csv failas su jūsų klientais – ir jų pirkimais, jei jų turite.</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>failas nepasirinktas</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Pasirinkti failą…</translation>
    </message>
    <message>
        <source>A sheet of purchases that names each customer by phone, e-mail or code</source>
        <translation>Pirkimų lapas, kuriame kiekvienas klientas nurodytas telefonu, el. paštu ar kodu</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Lapas</translation>
    </message>
    <message>
        <source>Column titles on row</source>
        <translation>Antraštės eilutėje</translation>
    </message>
    <message>
        <source>Purchases from the sheet</source>
        <translation>Pirkimai iš lapo</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>Importuoti klientus</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Lentelės (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— nėra —</translation>
    </message>
    <message>
        <source>A workbook exported by Retainer: customers, purchases, calls and feedback will be imported together.</source>
        <translation>Retainer eksportuota knyga: klientai, pirkimai, skambučiai ir atsiliepimai bus importuoti kartu.</translation>
    </message>
    <message numerus="yes">
        <source>Column titles found on row {row}; {n} of %Ln columns recognised.</source>
        <translation>
            <numerusform>Antraštės rastos {row} eilutėje; atpažinta {n} iš %Ln stulpelio.</numerusform>
            <numerusform>Antraštės rastos {row} eilutėje; atpažinta {n} iš %Ln stulpelių.</numerusform>
            <numerusform>Antraštės rastos {row} eilutėje; atpažinta {n} iš %Ln stulpelių.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sheet “{sheet}” has no columns for the customer (phone, e-mail or code), the date and the amount.</source>
        <translation>Lape „{sheet}“ nėra stulpelių klientui (telefonas, el. paštas ar kodas), datai ir sumai.</translation>
    </message>
    <message>
        <source>What is in each column?</source>
        <translation>Kas kiekviename stulpelyje?</translation>
    </message>
    <message>
        <source>Retainer guessed from the titles; change anything it got wrong. Columns set to “do not import” are left out.</source>
        <translation>Retainer atspėjo pagal antraštes; pataisykite, kur suklydo. Stulpeliai „neimportuoti“ praleidžiami.</translation>
    </message>
    <message>
        <source>Remembered from the last file with these columns.</source>
        <translation>Įsiminta iš paskutinio failo su tokiais pačiais stulpeliais.</translation>
    </message>
    <message>
        <source>Each kind of value can come from one column only: {fields}.</source>
        <translation>Kiekviena reikšmių rūšis gali būti imama tik iš vieno stulpelio: {fields}.</translation>
    </message>
    <message>
        <source>Spent before</source>
        <translation>Išleista anksčiau</translation>
    </message>
    <message>
        <source>Purchases before</source>
        <translation>Pirkimų anksčiau</translation>
    </message>
    <message>
        <source>This is how the first rows will be saved</source>
        <translation>Taip bus įrašytos pirmosios eilutės</translation>
    </message>
    <message>
        <source>Rows in red have a problem and will be left out; hover for why.</source>
        <translation>Raudonos eilutės turi klaidą ir bus praleistos; užveskite žymeklį, kad sužinotumėte kodėl.</translation>
    </message>
    <message>
        <source>Phone numbers without + and a country code are from:</source>
        <translation>Numeriai be + ir šalies kodo yra iš šalies:</translation>
    </message>
    <message>
        <source>The file names its customers only by a code or a card number: each one becomes a customer, shown as “Customer 00123” until you import a list with their names (matched by the same code) or type a name on the card.</source>
        <translation>Faile klientai nurodyti tik kodu ar kortelės numeriu: kiekvienas taps klientu „Klientas 00123“, kol importuosite sąrašą su vardais (pagal tą patį kodą) arba įrašysite vardą kortelėje.</translation>
    </message>
    <message>
        <source>Totals instead of purchases: each customer&apos;s total, number of purchases and dates become their history before Retainer, so tomorrow&apos;s call list already shows who has drifted away. No purchase is made up from them.</source>
        <translation>Sumos vietoj pirkimų: kiekvieno kliento išleista suma, pirkimų skaičius ir datos taps jo istorija iki Retainer, todėl jau rytojaus skambučių sąrašas parodys, kas nutolo. Jokie pirkimai iš jų neišgalvojami.</translation>
    </message>
    <message>
        <source>Read them as numbers from {country}</source>
        <translation>Skaityti juos kaip šalies {country} numerius</translation>
    </message>
    <message>
        <source>Everything held exported</source>
        <translation>Išduoti visi duomenys</translation>
    </message>
    <message>
        <source>Erased on request</source>
        <translation>Ištrintas paprašius</translation>
    </message>
    <message>
        <source>Consent to messages given</source>
        <translation>Duotas sutikimas gauti žinutes</translation>
    </message>
    <message>
        <source>Consent to messages withdrawn</source>
        <translation>Sutikimas gauti žinutes atšauktas</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefonai</translation>
    </message>
    <message>
        <source>Calls and visits</source>
        <translation>Skambučiai ir apsilankymai</translation>
    </message>
    <message>
        <source>Personal-data requests</source>
        <translation>Prašymai dėl asmens duomenų</translation>
    </message>
    <message>
        <source>Could not write to {folder}: {reason}</source>
        <translation>Nepavyko įrašyti į {folder}: {reason}</translation>
    </message>
    <message>
        <source>Erased customer {number}</source>
        <translation>Ištrintas klientas {number}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nėra</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuoti</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>Bandomasis importas</translation>
    </message>
    <message>
        <source>Reads the whole file and lists every problem and every customer you already have, without saving anything.</source>
        <translation>Perskaito visą failą ir parodo visas klaidas ir visus klientus, kuriuos jau turite, nieko neįrašydamas.</translation>
    </message>
    <message>
        <source>Customers already in the base (same phone or e-mail)</source>
        <translation>Klientai, kurie jau yra bazėje (tas pats telefonas ar el. paštas)</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>praleisti juos</translation>
    </message>
    <message>
        <source>update them from the file</source>
        <translation>atnaujinti juos iš failo</translation>
    </message>
    <message>
        <source>only fill in what is missing</source>
        <translation>tik papildyti trūkstamus</translation>
    </message>
    <message>
        <source>Run the test</source>
        <translation>Patikrinti</translation>
    </message>
    <message>
        <source>Press “Run the test” to check the whole file.</source>
        <translation>Paspauskite „Patikrinti“, kad būtų patikrintas visas failas.</translation>
    </message>
    <message>
        <source>Save the problem list…</source>
        <translation>Įrašyti klaidų sąrašą…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read.</source>
        <translation>
            <numerusform>Perskaityta %Ln eilutė.</numerusform>
            <numerusform>Perskaitytos %Ln eilutės.</numerusform>
            <numerusform>Perskaityta %Ln eilučių.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import would add {customers} and {purchases}, and find {in_base} you already have and {in_file}.</source>
        <translation>Importas pridėtų {customers} ir {purchases}, rastų {in_base}, kuriuos jau turite, ir {in_file}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln klientą</numerusform>
            <numerusform>%Ln klientus</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchases</source>
        <comment>the import would add …</comment>
        <translation>
            <numerusform>%Ln pirkimą</numerusform>
            <numerusform>%Ln pirkimus</numerusform>
            <numerusform>%Ln pirkimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>find … you already have</comment>
        <translation>
            <numerusform>%Ln klientą</numerusform>
            <numerusform>%Ln klientus</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated rows</source>
        <comment>and find …</comment>
        <translation>
            <numerusform>%Ln pasikartojančią eilutę</numerusform>
            <numerusform>%Ln pasikartojančias eilutes</numerusform>
            <numerusform>%Ln pasikartojančių eilučių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows have problems and would be left out.</source>
        <translation>
            <numerusform>%Ln eilutė turi klaidų ir būtų praleista.</numerusform>
            <numerusform>%Ln eilutės turi klaidų ir būtų praleistos.</numerusform>
            <numerusform>%Ln eilučių turi klaidų ir būtų praleista.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: {outcome}.</source>
        <translation>Atlikta: {outcome}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows with problems were left out.</source>
        <translation>
            <numerusform>Praleista %Ln eilutė su klaidomis.</numerusform>
            <numerusform>Praleistos %Ln eilutės su klaidomis.</numerusform>
            <numerusform>Praleista %Ln eilučių su klaidomis.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this import later from File → Import history.</source>
        <translation>Šį importą vėliau galite atšaukti: Failas → Importų istorija.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Tikrinamas failas…</translation>
    </message>
    <message>
        <source>Saving when the test run finishes…</source>
        <translation>Bus įrašyta, kai baigsis patikrinimas…</translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation>Įrašyti klaidų sąrašą</translation>
    </message>
    <message>
        <source>import problems.xlsx</source>
        <translation>importo klaidos.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel knyga (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Įrašyta į {path}.</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Atšaukti šį importą</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importuojama…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Atšaukta: niekas neimportuota.</translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: {reason}</source>
        <translation>Importas nepavyko, niekas neįrašyta: {reason}</translation>
    </message>
    <message>
        <source>Saving when the import finishes…</source>
        <translation>Bus įrašyta, kai importas baigsis…</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>Importas atšauktas.</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Importas iš Excel</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Toliau</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atgal</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Šiandien</translation>
    </message>
    <message numerus="yes">
        <source>Today (%Ln)</source>
        <translation>
            <numerusform>Šiandien (%Ln)</numerusform>
            <numerusform>Šiandien (%Ln)</numerusform>
            <numerusform>Šiandien (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retainer — %Ln to call today</source>
        <translation>
            <numerusform>Retainer — šiandien %Ln skambutis</numerusform>
            <numerusform>Retainer — šiandien %Ln skambučiai</numerusform>
            <numerusform>Retainer — šiandien %Ln skambučių</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is still running. Stop it and quit? Nothing of it will be saved.</source>
        <translation>Importas dar vyksta. Sustabdyti jį ir išeiti? Iš jo niekas nebus įrašyta.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>&amp;Naujas klientas</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Importuoti iš Excel…</translation>
    </message>
    <message>
        <source>&amp;Export everything to Excel</source>
        <translation>&amp;Eksportuoti viską į Excel</translation>
    </message>
    <message>
        <source>Save the whole base as one Excel workbook in your Documents folder (Ctrl+E)</source>
        <translation>Įrašyti visą bazę viena Excel knyga į aplanką „Dokumentai“ (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export everything &amp;as…</source>
        <translation>Eksportuoti viską &amp;kaip…</translation>
    </message>
    <message>
        <source>Export this &amp;list…</source>
        <translation>Eksportuoti šį &amp;sąrašą…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>Importų &amp;istorija…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Daryti atsarginę kopiją</translation>
    </message>
    <message>
        <source>A checked copy of the base in the backups folder beside it</source>
        <translation>Patikrinta bazės kopija šalia esančiame aplanke backups</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Atkurti iš atsarginės kopijos…</translation>
    </message>
    <message>
        <source>The shop&apos;s server keeps the backups of a base on it</source>
        <translation>Serveryje esančios bazės atsargines kopijas daro pats parduotuvės serveris</translation>
    </message>
    <message>
        <source>Open the &amp;demo base</source>
        <translation>Atidaryti &amp;demonstracinę bazę</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Pagrindinis</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Išeiti</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Taisa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>&amp;Rasti klientą</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>Perkelti į &amp;šiukšlinę</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>Rasti &amp;dublikatus…</translation>
    </message>
    <message>
        <source>Two cards of one person: review them side by side and merge</source>
        <translation>Dvi vieno žmogaus kortelės: palyginkite greta ir sujunkite</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Nustatymai…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Pagalba</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Atidaryti &amp;duomenų aplanką</translation>
    </message>
    <message>
        <source>&amp;About Retainer</source>
        <translation>&amp;Apie Retainer</translation>
    </message>
    <message>
        <source>About Retainer</source>
        <translation>Apie Retainer</translation>
    </message>
    <message>
        <source>Retainer {version}</source>
        <translation>Retainer {version}</translation>
    </message>
    <message>
        <source>Keep the customers you already have.</source>
        <translation>Išlaikykite klientus, kuriuos jau turite.</translation>
    </message>
    <message>
        <source>Customer base: {base}
Data folder: {folder}</source>
        <translation>Klientų bazė: {base}
Duomenų aplankas: {folder}</translation>
    </message>
    <message>
        <source>Python {python}, Qt for Python {qt}</source>
        <translation>Python {python}, Qt for Python {qt}</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Atidaryti duomenų aplanką</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Nustatymai įrašyti.</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Kopija įrašyta: {path}.</translation>
    </message>
    <message>
        <source>Done: {what}.</source>
        <translation>Atlikta: {what}.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nėra ko atšaukti.</translation>
    </message>
    <message>
        <source>Open Retainer</source>
        <translation>Atidaryti Retainer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Išeiti</translation>
    </message>
    <message numerus="yes">
        <source>Retainer: %Ln to call today</source>
        <translation>
            <numerusform>Retainer: šiandien %Ln skambutis</numerusform>
            <numerusform>Retainer: šiandien %Ln skambučiai</numerusform>
            <numerusform>Retainer: šiandien %Ln skambučių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers to call today</source>
        <translation>
            <numerusform>Šiandien paskambinti %Ln klientui</numerusform>
            <numerusform>Šiandien paskambinti %Ln klientams</numerusform>
            <numerusform>Šiandien paskambinti %Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more customers to call today</source>
        <translation>
            <numerusform>Šiandien paskambinti dar %Ln klientui</numerusform>
            <numerusform>Šiandien paskambinti dar %Ln klientams</numerusform>
            <numerusform>Šiandien paskambinti dar %Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>Retainer: nobody to call today</source>
        <translation>Retainer: šiandien skambinti nėra kam</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stabdoma…</translation>
    </message>
    <message>
        <source>Remind me to call</source>
        <translation>Priminti paskambinti</translation>
    </message>
    <message>
        <source>what the call is about, e.g. the new menu</source>
        <translation>apie ką skambutis, pvz.: naujas meniu</translation>
    </message>
    <message>
        <source>On which day?</source>
        <translation>Kurią dieną?</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nustatymai</translation>
    </message>
    <message>
        <source> days</source>
        <translation> d.</translation>
    </message>
    <message>
        <source>A customer with no purchase for longer than this is lapsed.</source>
        <translation>Klientas, kuris neperka ilgiau nei šis laikotarpis, laikomas seniai pirkusiu.</translation>
    </message>
    <message>
        <source>A regular (three purchases or more) is at risk when the time since their last purchase is this many times their usual gap.</source>
        <translation>Nuolatinis klientas (nuo trijų pirkimų) gali išeiti, kai nuo paskutinio pirkimo praėjo tiek kartų daugiau nei jo įprastas tarpas.</translation>
    </message>
    <message>
        <source>After a call or a dismissed reminder, no automatic reminder for this long.</source>
        <translation>Po skambučio ar atmesto priminimo tiek laiko nebus automatinių priminimų.</translation>
    </message>
    <message>
        <source>Remind this many days before a birthday; 0 turns birthday reminders off.</source>
        <translation>Prieš kiek dienų priminti apie gimtadienį; 0 – nepriminti.</translation>
    </message>
    <message>
        <source>Customers silent for longer than this are no longer put on the call list.</source>
        <translation>Klientai, tylintys ilgiau nei šis laikotarpis, nebededami į skambučių sąrašą.</translation>
    </message>
    <message>
        <source>How many customers drifting away Today lists a day, most worth calling first; the others wait their turn. Promised calls and birthdays are always listed.</source>
        <translation>Kiek nutolstančių klientų sąrašas „Šiandien“ parodo per dieną, svarbiausius pirmiau; kiti laukia savo eilės. Pažadėti skambučiai ir gimtadieniai rodomi visada.</translation>
    </message>
    <message>
        <source>How many backups the rotation keeps: every one of the last day, then the newest of each day, week and month this far back.</source>
        <translation>Kiek atsarginių kopijų laikyti: visas per paskutinę parą, paskui naujausią kiekvienos dienos, savaitės ir mėnesio tiek atgal.</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> dienos</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> savaitės</translation>
    </message>
    <message>
        <source> monthly</source>
        <translation> mėnesio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Laikomos kopijos</translation>
    </message>
    <message>
        <source>Edit the tiers…</source>
        <translation>Keisti lygius…</translation>
    </message>
    <message>
        <source>Loyalty tiers: what a customer needs for each, and its discount</source>
        <translation>Lojalumo lygiai: ko reikia klientui kiekvienam lygiui ir kokia nuolaida</translation>
    </message>
    <message>
        <source>Loyalty tiers</source>
        <translation>Lojalumo lygiai</translation>
    </message>
    <message>
        <source>Retainer speaks {language}, reads phone numbers without a country code as numbers from {country}, and counts money in {currency}.</source>
        <translation>Kalba: {language}. Telefono numeriai be šalies kodo – iš šalies: {country}. Valiuta: {currency}.</translation>
    </message>
    <message>
        <source>The language of the window and the command line on this computer.</source>
        <translation>Programos lango ir komandinės eilutės kalba šiame kompiuteryje.</translation>
    </message>
    <message>
        <source>Phone numbers typed without + and a country code are read as numbers of this country.</source>
        <translation>Numeriai, įvesti be + ir šalies kodo, skaitomi kaip šios šalies numeriai.</translation>
    </message>
    <message>
        <source>Retainer will speak {language} from its next start. Restart now?</source>
        <translation>Kalba „{language}“ įsijungs kitą kartą paleidus Retainer. Paleisti iš naujo dabar?</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Jūsų parduotuvė</translation>
    </message>
    <message>
        <source>Lapsed after</source>
        <translation>Seniai pirko, jei nepirko</translation>
    </message>
    <message>
        <source>At risk after their usual gap</source>
        <translation>Gali išeiti, kai tarpas ilgesnis už įprastą</translation>
    </message>
    <message>
        <source>Quiet time after a call</source>
        <translation>Pertrauka po skambučio</translation>
    </message>
    <message>
        <source>Birthday reminders ahead</source>
        <translation>Priminti apie gimtadienį prieš</translation>
    </message>
    <message>
        <source>Stop calling after</source>
        <translation>Nebeskambinti po</translation>
    </message>
    <message>
        <source>Calls a day on Today</source>
        <translation>Skambučių per dieną sąraše „Šiandien“</translation>
    </message>
    <message>
        <source>Phone numbers from</source>
        <translation>Telefono numeriai iš šalies</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valiuta</translation>
    </message>
    <message>
        <source>Why call</source>
        <translation>Kodėl skambinti</translation>
    </message>
    <message>
        <source>Still buying</source>
        <translation>Vis dar perka</translation>
    </message>
    <message>
        <source>How likely the customer still buys from you, from their own purchase history and the whole base&apos;s (the BG/NBD model).</source>
        <translation>Kiek tikėtina, kad klientas vis dar perka iš jūsų, – pagal jo paties pirkimų istoriją ir visą bazę (BG/NBD modelis).</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>Skambutis…</translation>
    </message>
    <message>
        <source>Log a call with the selected customer (Enter)</source>
        <translation>Įrašyti skambutį pasirinktam klientui (Enter)</translation>
    </message>
    <message>
        <source>Copy the phone number (Ctrl+C)</source>
        <translation>Kopijuoti telefono numerį (Ctrl+C)</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Skambinti</translation>
    </message>
    <message>
        <source>Open the number in your phone app (a tel: link)</source>
        <translation>Atidaryti numerį telefono programėlėje (nuoroda tel:)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Atidėti</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Iki rytojaus</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>Savaitei</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Iki datos…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Atmesti</translation>
    </message>
    <message>
        <source>No call needed (Del); Ctrl+Z brings it back</source>
        <translation>Skambinti nereikia (Del); Ctrl+Z grąžina</translation>
    </message>
    <message>
        <source>Save today&apos;s calls as an Excel file</source>
        <translation>Įrašyti šiandienos skambučius į Excel failą</translation>
    </message>
    <message numerus="yes">
        <source>Today: %Ln to call</source>
        <translation>
            <numerusform>Šiandien: %Ln skambutis</numerusform>
            <numerusform>Šiandien: %Ln skambučiai</numerusform>
            <numerusform>Šiandien: %Ln skambučių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ranked by spend and delay. Once %Ln or more customers have bought twice, Retainer also estimates how likely each one still buys from you (now: {have}).</source>
        <translation>
            <numerusform>Eilė – pagal išlaidas ir vėlavimą. Kai %Ln ar daugiau klientų pirks du kartus, Retainer dar vertins, kiek tikėtina, kad kiekvienas vis dar perka iš jūsų (dabar: {have}).</numerusform>
            <numerusform>Eilė – pagal išlaidas ir vėlavimą. Kai %Ln ar daugiau klientų pirks du kartus, Retainer dar vertins, kiek tikėtina, kad kiekvienas vis dar perka iš jūsų (dabar: {have}).</numerusform>
            <numerusform>Eilė – pagal išlaidas ir vėlavimą. Kai %Ln ar daugiau klientų pirks du kartus, Retainer dar vertins, kiek tikėtina, kad kiekvienas vis dar perka iš jūsų (dabar: {have}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snoozed %Ln until {date}.</source>
        <translation>
            <numerusform>Atidėtas %Ln iki {date}.</numerusform>
            <numerusform>Atidėti %Ln iki {date}.</numerusform>
            <numerusform>Atidėta %Ln iki {date}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %Ln. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Atmestas %Ln. Ctrl+Z grąžina.</numerusform>
            <numerusform>Atmesti %Ln. Ctrl+Z grąžina.</numerusform>
            <numerusform>Atmesta %Ln. Ctrl+Z grąžina.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln calls to {path}.</source>
        <translation>
            <numerusform>Įrašytas %Ln skambutis į {path}.</numerusform>
            <numerusform>Įrašyti %Ln skambučiai į {path}.</numerusform>
            <numerusform>Įrašyta %Ln skambučių į {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Most worth calling first: promised calls, birthdays, then customers drifting away, by what they spend, how likely they still buy from you and how overdue they are. Hover over a row for its reasons.</source>
        <translation>Svarbiausi pirmiau: pažadėti skambučiai, gimtadieniai, paskui nutolstantys klientai – pagal tai, kiek išleidžia, kiek tikėtina, kad vis dar perka iš jūsų, ir kiek vėluoja. Užveskite žymeklį ant eilutės, kad pamatytumėte priežastis.</translation>
    </message>
    <message>
        <source>Done for today</source>
        <translation>Šiandienai viskas</translation>
    </message>
    <message>
        <source>Nobody to call today</source>
        <translation>Šiandien skambinti nėra kam</translation>
    </message>
    <message>
        <source>Here you will find customers who buy less often than usual or have stopped coming, birthdays a few days ahead, and calls you promised.</source>
        <translation>Čia bus klientai, kurie perka rečiau nei įprastai ar nustojo lankytis, artėjantys gimtadieniai ir skambučiai, kuriuos pažadėjote.</translation>
    </message>
    <message>
        <source>Call with {name} saved. Ctrl+Z undoes it.</source>
        <translation>Skambutis klientui {name} įrašytas. Ctrl+Z atšaukia.</translation>
    </message>
    <message>
        <source>Copied {phone}.</source>
        <translation>Nukopijuota: {phone}.</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Atidėti iki</translation>
    </message>
    <message>
        <source>calls-{date}.xlsx</source>
        <translation>skambuciai-{date}.xlsx</translation>
    </message>
    <message>
        <source>Save today&apos;s calls</source>
        <translation>Įrašyti šiandienos skambučius</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>Nepavyko įrašyti {path}: {reason}</translation>
    </message>
    <message>
        <source>Retainer {date}</source>
        <translation>Retainer {date}</translation>
    </message>
    <message>
        <source>Export everything to Excel</source>
        <translation>Eksportuoti viską į Excel</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>Nepavyko įrašyti {file}: {reason}</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>Eksportuojama į Excel…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Eksportas atšauktas; failas neįrašytas.</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Eksportuoti šį sąrašą</translation>
    </message>
    <message>
        <source>Customers {date}</source>
        <translation>Klientai {date}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln customers to {file}.</source>
        <translation>
            <numerusform>Įrašytas %Ln klientas į {file}.</numerusform>
            <numerusform>Įrašyti %Ln klientai į {file}.</numerusform>
            <numerusform>Įrašyta %Ln klientų į {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{bad} of %Ln phone numbers written without a country code are not valid for {current}; read as numbers from {country}, {valid} of them are.</source>
        <translation>
            <numerusform>{bad} iš %Ln numerio be šalies kodo netinka šaliai {current}; skaitant juos kaip šalies {country} numerius, tinka {valid}.</numerusform>
            <numerusform>{bad} iš %Ln numerių be šalies kodo netinka šaliai {current}; skaitant juos kaip šalies {country} numerius, tinka {valid}.</numerusform>
            <numerusform>{bad} iš %Ln numerių be šalies kodo netinka šaliai {current}; skaitant juos kaip šalies {country} numerius, tinka {valid}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} cannot be opened: {reason}</source>
        <translation>{file} neatsidaro: {reason}</translation>
    </message>
    <message>
        <source>{file} is damaged ({reason}).</source>
        <translation>{file} sugadintas ({reason}).</translation>
    </message>
    <message>
        <source>{file} is not a Retainer customer base.</source>
        <translation>{file} nėra Retainer klientų bazė.</translation>
    </message>
    <message>
        <source>{file} has purchases or calls of customers it does not hold.</source>
        <translation>{file} yra pirkimų ar skambučių klientų, kurių jame nėra.</translation>
    </message>
    <message>
        <source>{file} is not a Retainer customer base ({reason}).</source>
        <translation>{file} nėra Retainer klientų bazė ({reason}).</translation>
    </message>
    <message>
        <source>{file} is no longer there</source>
        <translation>failo {file} nebėra</translation>
    </message>
    <message>
        <source>The backup came out damaged and was not kept: {reason}</source>
        <translation>Kopija išėjo sugadinta ir neišsaugota: {reason}</translation>
    </message>
    <message>
        <source>Could not write a backup to {folder}: {reason}. The earlier backups are as they were.</source>
        <translation>Nepavyko įrašyti kopijos į {folder}: {reason}. Ankstesnės kopijos nepaliestos.</translation>
    </message>
    <message>
        <source>{file} could not be copied whole ({reason}); your base was not changed.</source>
        <translation>{file} nepavyko nukopijuoti visos ({reason}); jūsų bazė nepakeista.</translation>
    </message>
    <message>
        <source>Could not set the damaged base {file} aside: {reason}.</source>
        <translation>Nepavyko atidėti sugadintos bazės {file}: {reason}.</translation>
    </message>
    <message>
        <source>Could not restore {file}: {reason}. Your base was not changed.</source>
        <translation>Nepavyko atkurti iš {file}: {reason}. Jūsų bazė nepakeista.</translation>
    </message>
    <message>
        <source>Only a base kept in a file can be restored from a backup.</source>
        <translation>Iš atsarginės kopijos atkuriama tik faile laikoma bazė.</translation>
    </message>
    <message>
        <source>The customer base is damaged</source>
        <translation>Klientų bazė sugadinta</translation>
    </message>
    <message>
        <source>The customer base {path} is damaged: {reason}</source>
        <translation>Klientų bazė {path} sugadinta: {reason}</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ne dabar</translation>
    </message>
    <message>
        <source>The newest backup that passes the check was taken {when} and holds {customers}. Retainer can put it in place; the damaged file is kept beside it under a new name, exactly as it is.</source>
        <translation>Naujausia patikrinimą praeinanti kopija padaryta {when}, joje {customers}. Retainer gali ją atkurti; sugadintas failas liks šalia nauju pavadinimu, nepakeistas.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>a backup with …</comment>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Atkurti šią kopiją</translation>
    </message>
    <message>
        <source>No backup of it passes the check. Retainer can keep the damaged file beside it under a new name, exactly as it is, and start an empty base; the file can then be taken to someone who repairs SQLite files.</source>
        <translation>Nė viena atsarginė kopija nepraeina patikrinimo. Retainer gali palikti sugadintą failą šalia nauju pavadinimu, nepakeistą, ir pradėti tuščią bazę; failą vėliau galima nunešti SQLite failų taisymo specialistui.</translation>
    </message>
    <message>
        <source>Set it aside and start empty</source>
        <translation>Atidėti ir pradėti tuščią</translation>
    </message>
    <message>
        <source>The damaged base was kept as {aside}.</source>
        <translation>Sugadinta bazė išsaugota kaip {aside}.</translation>
    </message>
    <message>
        <source>The base is on a network drive</source>
        <translation>Bazė tinklo diske</translation>
    </message>
    <message>
        <source>The customer base {path} is on a network drive ({kind}). A base file there can be damaged when the connection drops or when two computers write to it at once.

Keep the base on this computer&apos;s own disk, or, for several tills, on a shared PostgreSQL server.</source>
        <translation>Klientų bazė {path} yra tinklo diske ({kind}). Ten bazės failas gali sugesti, jei nutrūks ryšys arba du kompiuteriai į jį rašys vienu metu.

Laikykite bazę šio kompiuterio diske, o kelioms kasoms – bendrame PostgreSQL serveryje.</translation>
    </message>
    <message>
        <source>First start of the day</source>
        <translation>Pirmas dienos paleidimas</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Padaryta rankiniu būdu</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Prieš importą</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Prieš atkūrimą</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Prieš atnaujinimą</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Padaryta</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dydis</translation>
    </message>
    <message>
        <source>The newest first. Restoring puts the chosen backup in place of the base; the base as it is now is backed up first, so nothing is lost.</source>
        <translation>Naujausios viršuje. Atkūrimas pakeičia bazę pasirinkta kopija; prieš tai dabartinė bazė išsaugoma kopijoje, tad niekas neprarandama.</translation>
    </message>
    <message>
        <source>No backups yet. Retainer keeps one on the first start of each day, before every import and whenever you choose File → Back up now.</source>
        <translation>Atsarginių kopijų dar nėra. Retainer jas daro pirmą kartą paleidus kiekvieną dieną, prieš kiekvieną importą ir kai pasirenkate Failas → Daryti atsarginę kopiją.</translation>
    </message>
    <message>
        <source>&amp;Restore the selected backup…</source>
        <translation>&amp;Atkurti pasirinktą kopiją…</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Atverti kopijų aplanką</translation>
    </message>
    <message>
        <source>an unknown number of customers</source>
        <translation>nežinomas klientų skaičius</translation>
    </message>
    <message>
        <source>Put the backup of {when} ({customers}) in place of the base? What was changed since then leaves the window; the base as it is now is backed up first, so you can come back to it.</source>
        <translation>Pakeisti bazę {when} kopija ({customers})? Vėlesni pakeitimai dings iš lango; dabartinė bazė prieš tai išsaugoma kopijoje, tad prie jos galima grįžti.</translation>
    </message>
    <message>
        <source>Changed on another terminal</source>
        <translation>Pakeista kitame terminale</translation>
    </message>
    <message>
        <source>Which values should stay? Every other change, here and there, is kept either way.</source>
        <translation>Kurias reikšmes palikti? Visi kiti pakeitimai, ir čia, ir ten, išliks bet kuriuo atveju.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Palikti mano</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Palikti jų</translation>
    </message>
    <message>
        <source>Go on editing</source>
        <translation>Tęsti redagavimą</translation>
    </message>
    <message>
        <source>move the customer base onto a PostgreSQL server</source>
        <translation>perkelti klientų bazę į PostgreSQL serverį</translation>
    </message>
    <message>
        <source>Copy the customer base into a new database on a PostgreSQL server, check that every table arrived whole, and open the server from now on on this computer. The file is only read and stays as it is. Close the window first.</source>
        <translation>Nukopijuoti klientų bazę į naują duomenų bazę PostgreSQL serveryje, patikrinti, ar kiekviena lentelė perkelta visa, ir toliau šiame kompiuteryje atidaryti serverį. Failas tik skaitomas ir lieka koks buvo. Pirmiausia uždarykite langą.</translation>
    </message>
    <message>
        <source>the database on the server, e.g. postgresql+psycopg://retainer:password@192.168.1.10/retainer</source>
        <translation>duomenų bazė serveryje, pvz., postgresql+psycopg://retainer:slaptazodis@192.168.1.10/retainer</translation>
    </message>
    <message>
        <source>choose the customer base this computer opens</source>
        <translation>pasirinkti klientų bazę, kurią atidaro šis kompiuteris</translation>
    </message>
    <message>
        <source>Check that the customer base opens, then open it from now on on this computer: a file, or a database address on the shop&apos;s server (each till runs this once).</source>
        <translation>Patikrinti, ar klientų bazė atsidaro, ir toliau ją atidaryti šiame kompiuteryje: failą arba duomenų bazės adresą parduotuvės serveryje (kiekvienoje kasoje vieną kartą).</translation>
    </message>
    <message>
        <source>a file, or a database address</source>
        <translation>failas arba duomenų bazės adresas</translation>
    </message>
    <message>
        <source>  {table}: {done} of {total}</source>
        <translation>  {table}: {done} iš {total}</translation>
    </message>
    <message>
        <source>{location} is not a SQLite file; only a SQLite base is moved to a server.</source>
        <translation>{location} nėra SQLite failas; į serverį perkeliama tik SQLite bazė.</translation>
    </message>
    <message>
        <source>Moved {customers} to {server}; every table was checked: {rows} rows in all.</source>
        <translation>Į {server} perkelta: {customers}; kiekviena lentelė patikrinta, iš viso eilučių: {rows}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <comment>moved …</comment>
        <translation>
            <numerusform>%Ln klientas</numerusform>
            <numerusform>%Ln klientai</numerusform>
            <numerusform>%Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer opens the server from now on. On each other till, install Retainer and run once:
    retainer use &quot;{url}&quot;
(or set RETAINER_DB to that address). The file {file} was left as it was: keep it as a copy, but do not work in it any more.</source>
        <translation>Dabar šis kompiuteris atidaro serverį. Kiekvienoje kitoje kasoje įdiekite Retainer ir vieną kartą paleiskite:
    retainer use &quot;{url}&quot;
(arba nurodykite šį adresą RETAINER_DB). Failas {file} liko koks buvo: laikykite jį kaip kopiją, bet jame nebedirbkite.</translation>
    </message>
    <message>
        <source>This computer opens {base} from now on.</source>
        <translation>Dabar šis kompiuteris atidaro {base}.</translation>
    </message>
    <message>
        <source>“{url}” is not the address of a database on a PostgreSQL server. It looks like postgresql+psycopg://user:password@server/retainer</source>
        <translation>„{url}“ nėra duomenų bazės adresas PostgreSQL serveryje. Adresas atrodo taip: postgresql+psycopg://naudotojas:slaptazodis@serveris/retainer</translation>
    </message>
    <message>
        <source>The server has no database “{name}”, and it could not be created: {reason}</source>
        <translation>Serveryje nėra duomenų bazės „{name}“, o sukurti jos nepavyko: {reason}</translation>
    </message>
    <message>
        <source>The database {location} already holds customers ({count}). Move the base to a new, empty database; nothing was copied.</source>
        <translation>Duomenų bazėje {location} jau yra klientų ({count}). Perkelkite bazę į naują, tuščią duomenų bazę; niekas nenukopijuota.</translation>
    </message>
    <message>
        <source>The copy of {table} holds {copied} rows instead of {expected}; nothing was kept on the server.</source>
        <translation>Lentelės {table} kopijoje yra {copied} eilučių vietoj {expected}; serveryje niekas neišsaugota.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Asmens duomenys</translation>
    </message>
    <message>
        <source>The customer&apos;s requests about their data: a copy of everything, or erasure</source>
        <translation>Kliento prašymai dėl jo duomenų: visų duomenų kopija arba ištrynimas</translation>
    </message>
    <message>
        <source>Export everything held…</source>
        <translation>Išduoti visus duomenis…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Ištrinti paprašius…</translation>
    </message>
    <message>
        <source>Log of requests…</source>
        <translation>Prašymų žurnalas…</translation>
    </message>
    <message>
        <source>Where should the customer&apos;s files go?</source>
        <translation>Kur išsaugoti kliento failus?</translation>
    </message>
    <message>
        <source>Everything held about {name} was saved as
{workbook}
and
{json}
The export is noted in the log of requests.</source>
        <translation>Visi kliento {name} duomenys išsaugoti kaip
{workbook}
ir
{json}
Išdavimas įrašytas į prašymų žurnalą.</translation>
    </message>
    <message>
        <source>Erase {name}?</source>
        <translation>Ištrinti klientą {name}?</translation>
    </message>
    <message>
        <source>{name}&apos;s name, phones, e-mail, birthday, address, card number, tags and notes, and the notes of their purchases, calls and feedback, will be erased for good. There is no undo.

What stays, anonymous, are the dates and amounts of the purchases and the scores of the feedback, so that the figures of the past stay right. Backups taken before today still hold the customer until they are rotated out.</source>
        <translation>Kliento {name} vardas, telefonai, el. paštas, gimtadienis, adresas, kortelės numeris, žymos ir pastabos, taip pat jo pirkimų, skambučių ir atsiliepimų pastabos bus ištrinti visam laikui. Atšaukti negalima.

Liks, be vardo, pirkimų datos ir sumos bei atsiliepimų įvertinimai, kad praeities rodikliai nepasikeistų. Iki šiandien padarytos atsarginės kopijos saugo klientą, kol bus pakeistos eilės tvarka.</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Ištrinti visam laikui</translation>
    </message>
    <message>
        <source>{name} was erased on request; the figures keep their purchases, anonymous.</source>
        <translation>{name}: duomenys ištrinti paprašius; pirkimai lieka rodikliuose be vardo.</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Prašymų dar nėra.</translation>
    </message>
    <message>
        <source>Log of requests</source>
        <translation>Prašymų žurnalas</translation>
    </message>
    <message>
        <source>total spent</source>
        <translation>išleista suma</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>pirkimai</translation>
    </message>
    <message>
        <source>days with us</source>
        <translation>dienos su mumis</translation>
    </message>
    <message>
        <source>Give the tier a name.</source>
        <translation>Suteikite lygiui pavadinimą.</translation>
    </message>
    <message>
        <source>Another tier is already called “{name}”.</source>
        <translation>Lygis „{name}“ jau yra.</translation>
    </message>
    <message>
        <source>The discount must be between 0 and 100 %.</source>
        <translation>Nuolaida turi būti nuo 0 iki 100 %.</translation>
    </message>
    <message>
        <source>The amounts cannot be below zero.</source>
        <translation>Reikšmės negali būti mažesnės už nulį.</translation>
    </message>
    <message>
        <source>Set at least one of: total spent, purchases, days with us.</source>
        <translation>Nurodykite bent vieną: išleista suma, pirkimų skaičius, dienos su mumis.</translation>
    </message>
    <message>
        <source>{tier} is above {lower} but asks for less ({measure}): ask for at least as much, or move it below.</source>
        <translation>„{tier}“ yra aukščiau už „{lower}“, bet reikalauja mažiau ({measure}): reikalaukite ne mažiau arba perkelkite lygį žemiau.</translation>
    </message>
    <message>
        <source>{tier} asks for the same as {lower}: ask for more in one measure.</source>
        <translation>„{tier}“ reikalauja to paties kaip „{lower}“: padidinkite bent vieną sąlygą.</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>a loyalty tier</comment>
        <translation>Sidabrinis</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>a loyalty tier</comment>
        <translation>Auksinis</translation>
    </message>
    <message>
        <source>Tell {name}: now {tier}, {discount} off</source>
        <translation>Praneškite klientui {name}: dabar lygis „{tier}“, nuolaida {discount}</translation>
    </message>
    <message>
        <source>Undo the change of loyalty tiers</source>
        <translation>Atšaukti lojalumo lygių pakeitimą</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of {what}.</source>
        <translation>„{value}“ nėra sveikasis skaičius ({what}).</translation>
    </message>
    <message>
        <source>A customer is in the highest tier whose every condition they meet. Leave a condition empty to not ask for it. Purchases and spending from imported totals count too.</source>
        <translation>Klientas gauna aukščiausią lygį, kurio visas sąlygas atitinka. Palikite sąlygą tuščią, jei jos nereikalaujate. Pirkimai ir sumos iš importuotų suvestinių taip pat skaičiuojami.</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Nuolaida, %</translation>
    </message>
    <message>
        <source>Spent at least</source>
        <translation>Išleido ne mažiau</translation>
    </message>
    <message>
        <source>Purchases at least</source>
        <translation>Pirkimų ne mažiau</translation>
    </message>
    <message>
        <source>Days with us at least</source>
        <translation>Dienų su mumis ne mažiau</translation>
    </message>
    <message>
        <source>Customers now</source>
        <translation>Klientų dabar</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Pridėti lygį</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Pašalinti</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Aukščiau</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Žemiau</translation>
    </message>
    <message>
        <source>“{value}” is not a discount in per cent.</source>
        <translation>„{value}“ nėra nuolaida procentais.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dienų</translation>
    </message>
    <message numerus="yes">
        <source>Loyalty tiers saved: %Ln customers changed tier (Ctrl+Z undoes it).</source>
        <translation>
            <numerusform>Lojalumo lygiai išsaugoti: lygį pakeitė %Ln klientas (Ctrl+Z atšaukia).</numerusform>
            <numerusform>Lojalumo lygiai išsaugoti: lygį pakeitė %Ln klientai (Ctrl+Z atšaukia).</numerusform>
            <numerusform>Lojalumo lygiai išsaugoti: lygį pakeitė %Ln klientų (Ctrl+Z atšaukia).</numerusform>
        </translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>be lygio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Buvo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tapo</translation>
    </message>
    <message>
        <source>the first word of the customer&apos;s name</source>
        <translation>pirmasis kliento vardo žodis</translation>
    </message>
    <message>
        <source>the customer&apos;s whole name</source>
        <translation>visas kliento vardas</translation>
    </message>
    <message>
        <source>their loyalty tier, e.g. Gold</source>
        <translation>lojalumo lygis, pvz., „Auksinis“</translation>
    </message>
    <message>
        <source>their tier&apos;s discount, e.g. 10 %</source>
        <translation>jų lygio nuolaida, pvz., 10 %</translation>
    </message>
    <message>
        <source>how long since their last purchase: 45 days</source>
        <translation>kiek laiko praėjo nuo paskutinio pirkinio: 45 dienos</translation>
    </message>
    <message>
        <source>the date of their last purchase</source>
        <translation>paskutinio pirkinio data</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>Pirmiausia parašykite žinutę.</translation>
    </message>
    <message>
        <source>A brace {open} or {close} has no partner. Placeholders are written like {example}; to write a brace itself, type it twice.</source>
        <translation>Skliaustas {open} ar {close} neturi poros. Įterpiniai rašomi taip: {example}; norėdami parašyti patį skliaustą, surinkite jį du kartus.</translation>
    </message>
    <message>
        <source>“{{{field}}}” is not a placeholder Retainer knows. It knows: {known}.</source>
        <translation>„{{{field}}}“ – tokio įterpinio Retainer nežino. Jis žino: {known}.</translation>
    </message>
    <message>
        <source>Write “{{{field}}}” without anything after the name.</source>
        <translation>Rašykite „{{{field}}}“ be nieko po pavadinimo.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <comment>since the last purchase</comment>
        <translation>
            <numerusform>%Ln diena</numerusform>
            <numerusform>%Ln dienos</numerusform>
            <numerusform>%Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>Suteikite segmentui pavadinimą.</translation>
    </message>
    <message>
        <source>A segment&apos;s name is at most {n} letters long.</source>
        <translation>Segmento pavadinimas – ne ilgesnis nei {n} ženklų.</translation>
    </message>
    <message>
        <source>Choose at least one filter first: a segment of every customer is the whole list.</source>
        <translation>Pirmiausia pasirinkite bent vieną filtrą: segmentas iš visų klientų yra visas sąrašas.</translation>
    </message>
    <message>
        <source>Undo saving the segment “{name}”</source>
        <translation>Atšaukti segmento „{name}“ išsaugojimą</translation>
    </message>
    <message>
        <source>Undo deleting the segment “{name}”</source>
        <translation>Atšaukti segmento „{name}“ ištrynimą</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bet kiek</translation>
    </message>
    <message>
        <source>Bought last at least this many days ago</source>
        <translation>Paskutinį kartą pirko ne mažiau kaip prieš tiek dienų</translation>
    </message>
    <message>
        <source>Bought last at most this many days ago</source>
        <translation>Paskutinį kartą pirko ne daugiau kaip prieš tiek dienų</translation>
    </message>
    <message>
        <source>Spent at least this much in all</source>
        <translation>Iš viso išleido ne mažiau</translation>
    </message>
    <message>
        <source>Spent at most this much in all</source>
        <translation>Iš viso išleido ne daugiau</translation>
    </message>
    <message>
        <source>Messages: either</source>
        <translation>Žinutės: visi</translation>
    </message>
    <message>
        <source>Did not agree to messages</source>
        <translation>Nesutiko gauti žinučių</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Visi miestai</translation>
    </message>
    <message>
        <source>Where they came from</source>
        <translation>Iš kur atėjo</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Visi šaltiniai</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Išvalyti filtrus</translation>
    </message>
    <message>
        <source>days ago</source>
        <translation>d. prieš</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Išleido</translation>
    </message>
    <message>
        <source>Segments:</source>
        <translation>Segmentai:</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>kol kas nėra</translation>
    </message>
    <message>
        <source>Choose filters, then save them as a segment</source>
        <translation>Pasirinkite filtrus ir išsaugokite juos kaip segmentą</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>Išsaugoti kaip segmentą…</translation>
    </message>
    <message>
        <source>Keep the filters on screen under a name, one click away</source>
        <translation>Išsaugoti ekrane esančius filtrus su pavadinimu – vienu spustelėjimu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers today. Right-click to delete.</source>
        <translation>
            <numerusform>Šiandien %Ln klientas. Dešinysis spustelėjimas – ištrinti.</numerusform>
            <numerusform>Šiandien %Ln klientai. Dešinysis spustelėjimas – ištrinti.</numerusform>
            <numerusform>Šiandien %Ln klientų. Dešinysis spustelėjimas – ištrinti.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the segment “{name}”</source>
        <translation>Ištrinti segmentą „{name}“</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>Išsaugoti kaip segmentą</translation>
    </message>
    <message>
        <source>e.g. Lapsed regulars</source>
        <translation>pvz., Nutolę nuolatiniai</translation>
    </message>
    <message>
        <source>A name for the filters on screen. The segment keeps the filters, so it names today&apos;s customers each time.</source>
        <translation>Pavadinimas ekrane esantiems filtrams. Segmentas saugo filtrus, todėl kaskart rodo šiandienos klientus.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers match them today.</source>
        <translation>
            <numerusform>Šiandien juos atitinka %Ln klientas.</numerusform>
            <numerusform>Šiandien juos atitinka %Ln klientai.</numerusform>
            <numerusform>Šiandien juos atitinka %Ln klientų.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hello, {first_name}! We have not seen you for {days_since_last_purchase}. Come by this week, we will be glad to see you.</source>
        <translation>Sveiki, {first_name}! Nematėme jūsų jau {days_since_last_purchase}. Užsukite šią savaitę – labai lauksime.</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>Negaus, nes</translation>
    </message>
    <message>
        <source>Message to “{segment}”</source>
        <translation>Žinutė segmentui „{segment}“</translation>
    </message>
    <message>
        <source>Message to the customers shown</source>
        <translation>Žinutė rodomiems klientams</translation>
    </message>
    <message>
        <source>Send by:</source>
        <translation>Siųsti kaip:</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>Įterpti:</translation>
    </message>
    <message>
        <source>Reading the customers…</source>
        <translation>Skaitomi klientai…</translation>
    </message>
    <message>
        <source>Retainer does not send the messages itself: it saves the recipients and their texts to a file for your SMS or e-mail service. Only customers who agreed to messages are in it.</source>
        <translation>Retainer pats žinučių nesiunčia: jis išsaugo gavėjus ir jų tekstus į failą jūsų SMS ar el. pašto paslaugai. Į jį patenka tik klientai, sutikę gauti žinutes.</translation>
    </message>
    <message>
        <source>Save recipients…</source>
        <translation>Išsaugoti gavėjus…</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Žinutė:</translation>
    </message>
    <message>
        <source>{name} gets: {text}</source>
        <translation>{name} gaus: {text}</translation>
    </message>
    <message>
        <source>{name} gets nothing: {why}.</source>
        <translation>{name} negaus nieko: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Goes to %Ln customers.</source>
        <translation>
            <numerusform>Gaus %Ln klientas.</numerusform>
            <numerusform>Gaus %Ln klientai.</numerusform>
            <numerusform>Gaus %Ln klientų.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %Ln ({why}).</source>
        <translation>
            <numerusform>Negaus: %Ln ({why}).</numerusform>
            <numerusform>Negaus: %Ln ({why}).</numerusform>
            <numerusform>Negaus: %Ln ({why}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them were contacted within the quiet time; you will be asked about them.</source>
        <translation>
            <numerusform>Su %Ln iš jų jau susisiekta per pertrauką – prieš išsaugant Retainer paklaus apie jį.</numerusform>
            <numerusform>Su %Ln iš jų jau susisiekta per pertrauką – prieš išsaugant Retainer paklaus apie juos.</numerusform>
            <numerusform>Su %Ln iš jų jau susisiekta per pertrauką – prieš išsaugant Retainer paklaus apie juos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody here can be sent this message.</source>
        <translation>Niekam čia negalima išsiųsti šios žinutės.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of these customers were called or written to within the quiet time (Settings → Quiet time after a call). Another message so soon can annoy them.</source>
        <translation>
            <numerusform>%Ln iš šių klientų jau skambinta ar rašyta per pertrauką (Nustatymai → Pertrauka po skambučio). Dar viena žinutė taip greitai gali erzinti.</numerusform>
            <numerusform>%Ln iš šių klientų jau skambinta ar rašyta per pertrauką (Nustatymai → Pertrauka po skambučio). Dar viena žinutė taip greitai gali erzinti.</numerusform>
            <numerusform>%Ln iš šių klientų jau skambinta ar rašyta per pertrauką (Nustatymai → Pertrauka po skambučio). Dar viena žinutė taip greitai gali erzinti.</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to lately</source>
        <translation>Neseniai jau susisiekta</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Jiems nerašyti</translation>
    </message>
    <message>
        <source>Write to them too</source>
        <translation>Parašyti ir jiems</translation>
    </message>
    <message>
        <source>Everybody here was contacted within the quiet time, so nobody is left to write to.</source>
        <translation>Su visais čia jau susisiekta per pertrauką – rašyti nebėra kam.</translation>
    </message>
    <message>
        <source>Recipients {date}</source>
        <translation>Gavėjai {date}</translation>
    </message>
    <message>
        <source>CSV for an SMS or e-mail service (*.csv)</source>
        <translation>CSV SMS ar el. pašto paslaugai (*.csv)</translation>
    </message>
    <message>
        <source>Save the recipients</source>
        <translation>Išsaugoti gavėjus</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln recipients to {file} and logged the message on their cards. Ctrl+Z takes the log back.</source>
        <translation>
            <numerusform>%Ln gavėjas išsaugotas į {file}, žinutė įrašyta į kortelę. Ctrl+Z atšauks įrašą.</numerusform>
            <numerusform>%Ln gavėjai išsaugoti į {file}, žinutė įrašyta į jų korteles. Ctrl+Z atšauks įrašą.</numerusform>
            <numerusform>%Ln gavėjų išsaugota į {file}, žinutė įrašyta į jų korteles. Ctrl+Z atšauks įrašą.</numerusform>
        </translation>
    </message>
    <message>
        <source>{amount} pp against those not reached</source>
        <translation>{amount} proc. p. palyginti su tais, su kuriais nesusisiekta</translation>
    </message>
    <message>
        <source>Did it work?</source>
        <translation>Ar pavyko?</translation>
    </message>
    <message numerus="yes">
        <source>Of the customers put on the Today list in the period for drifting away, how many bought again within %Ln days of a call or a message — against those nobody reached, counted from the day they were put on the list.</source>
        <translation>
            <numerusform>Iš klientų, šiuo laikotarpiu patekusių į sąrašą „Šiandien“ kaip nutolstantys, kiek vėl pirko per %Ln dieną po skambučio ar žinutės – palyginti su tais, su kuriais nesusisiekta (skaičiuojant nuo patekimo į sąrašą dienos).</numerusform>
            <numerusform>Iš klientų, šiuo laikotarpiu patekusių į sąrašą „Šiandien“ kaip nutolstantys, kiek vėl pirko per %Ln dienas po skambučio ar žinutės – palyginti su tais, su kuriais nesusisiekta (skaičiuojant nuo patekimo į sąrašą dienos).</numerusform>
            <numerusform>Iš klientų, šiuo laikotarpiu patekusių į sąrašą „Šiandien“ kaip nutolstantys, kiek vėl pirko per %Ln dienų po skambučio ar žinutės – palyginti su tais, su kuriais nesusisiekta (skaičiuojant nuo patekimo į sąrašą dienos).</numerusform>
        </translation>
    </message>
    <message>
        <source>Called or written to</source>
        <translation>Paskambinta ar parašyta</translation>
    </message>
    <message>
        <source>Bought on the day of the first call or message in the period, or in the 30 days after. A customer whose 30 days are not over and who has not bought yet is still waiting, and not in the share.</source>
        <translation>Pirko pirmojo skambučio ar žinutės laikotarpiu dieną arba per 30 dienų po jo. Klientas, kurio 30 dienų dar nepraėjo ir kuris dar nepirko, dar laukiamas ir į dalį neįskaičiuojamas.</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Nesusisiekta</translation>
    </message>
    <message>
        <source>On the list, with no call or message in the period: bought within 30 days of being put on the list.</source>
        <translation>Sąraše, bet be skambučio ar žinutės per laikotarpį: pirko per 30 dienų nuo patekimo į sąrašą.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmentas</translation>
    </message>
    <message>
        <source>customers shown, not saved</source>
        <translation>rodomi klientai, neišsaugoti</translation>
    </message>
    <message>
        <source>Customers today</source>
        <translation>Klientų šiandien</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Žinučių</translation>
    </message>
    <message>
        <source>Written to: bought again</source>
        <translation>Gavo: vėl pirko</translation>
    </message>
    <message>
        <source>Left out: bought again</source>
        <translation>Negavo: vėl pirko</translation>
    </message>
    <message>
        <source>No saved segments yet. In Customers, choose filters and save them as a segment: it is listed here with what its messages brought.</source>
        <translation>Išsaugotų segmentų dar nėra. Skiltyje „Klientai“ pasirinkite filtrus ir išsaugokite juos kaip segmentą – jis bus rodomas čia kartu su tuo, ką davė jo žinutės.</translation>
    </message>
    <message>
        <source>Double-click a segment to list its customers</source>
        <translation>Dukart spustelėkite segmentą – bus parodyti jo klientai</translation>
    </message>
    <message>
        <source>Messages to saved segments</source>
        <translation>Žinutės išsaugotiems segmentams</translation>
    </message>
    <message>
        <source>nobody in the period</source>
        <translation>nieko per šį laikotarpį</translation>
    </message>
    <message>
        <source>the same phone number</source>
        <translation>tas pats telefono numeris</translation>
    </message>
    <message>
        <source>the same e-mail</source>
        <translation>tas pats el. paštas</translation>
    </message>
    <message>
        <source>a similar name and the same birthday</source>
        <translation>panašus vardas ir tas pats gimtadienis</translation>
    </message>
    <message>
        <source>a similar name in the same city</source>
        <translation>panašus vardas tame pačiame mieste</translation>
    </message>
    <message>
        <source>A customer cannot be merged with themselves: choose two different cards.</source>
        <translation>Kliento negalima sujungti su juo pačiu: pasirinkite dvi skirtingas korteles.</translation>
    </message>
    <message>
        <source>{name} is in the trash: restore them first, then merge.</source>
        <translation>{name} yra šiukšlinėje: pirmiausia atkurkite kortelę, tada sujunkite.</translation>
    </message>
    <message>
        <source>Undo merging {other} into {kept}</source>
        <translation>Atšaukti {other} sujungimą su {kept}</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Šaltinis</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tuščia)</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Dublikatų paieška</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kortelė</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Panaši į</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Kodėl</translation>
    </message>
    <message>
        <source>No likely duplicates: no two cards share a phone number or an e-mail, or have similar names with the same birthday or city.</source>
        <translation>Galimų dublikatų nėra: jokios dvi kortelės neturi bendro telefono ar el. pašto, panašių vardų su tuo pačiu gimtadieniu ar miestu.</translation>
    </message>
    <message>
        <source>Looking for cards of the same person…</source>
        <translation>Ieškoma to paties žmogaus kortelių…</translation>
    </message>
    <message>
        <source>Swap: keep the other card</source>
        <translation>Sukeisti: palikti kitą kortelę</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Tai skirtingi žmonės</translation>
    </message>
    <message>
        <source>Leave these two cards as they are, and go to the next pair</source>
        <translation>Palikti šias korteles kaip yra ir pereiti prie kitos poros</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Sujungti</translation>
    </message>
    <message>
        <source>Where the two cards differ, choose what stays. Phones and tags of both are kept; every purchase, call, answer and reminder moves to the card kept, and the other goes to the trash, empty. Ctrl+Z undoes a merge.</source>
        <translation>Kur kortelės skiriasi, pasirinkite, kas liks. Abiejų telefonai ir žymės išsaugomi; visi pirkiniai, skambučiai, atsakymai ir priminimai perkeliami į paliekamą kortelę, o kita, tuščia, keliauja į šiukšlinę. Ctrl+Z atšaukia sujungimą.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Lieka</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Sujungiama į ją</translation>
    </message>
    <message>
        <source>{a} + {b} = {total}</source>
        <translation>{a} + {b} = {total}</translation>
    </message>
    <message>
        <source>Merged {other} into {kept}. Ctrl+Z undoes it.</source>
        <translation>{other} sujungta su {kept}. Ctrl+Z atšauks.</translation>
    </message>
</context>
</TS>
