"""Hand-written word lists that tell the rules engine what a capitalised span is.

Each list is a cue a human reader uses: a title before a name makes it a person, a suffix such
as "Ltd" makes it a company, "in" before an unknown word hints at a place. The lists were written
for this project and checked against how often each cue is right on the CoNLL-2003 training split;
no text or entity list from that corpus is shipped here. Words are stored as they are written in
running text; lookups lower-case where the cue is case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_set(block: str) -> frozenset[str]:
    """A set from a whitespace-separated block, so long lists stay readable in source."""
    return frozenset(block.split())


def word_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, written as a trie: "sa(?:id|ys)" for "said", "says".

    A plain alternation of many words makes the regex engine try every word at every position
    of a text; a trie tries one branch per letter, which scans several times faster. Where one
    word is a prefix of another the longer is tried first, so a following boundary check
    ("(?!\\w)") decides between them exactly as with an alternation.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def after_first_letter(words: Iterable[str]) -> str:
    """A regex for the rest of any of `words` (two letters or more) once its first letter has
    been read: "(?:(?<=M)(?:r(?:s)?|s)|(?<=D)r)" for "Mr", "Mrs", "Ms", "Dr".

    For patterns that read a name's first letter as a plain character class, which the regex
    engine can look for quickly, and the rest after it. Each group of words that share a first
    letter is a trie (`word_pattern`) behind a lookbehind for that letter.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        if len(word) < 2:
            raise ValueError(f"{word!r}: a word needs a letter after its first")
        groups.setdefault(word[0], []).append(word[1:])
    branches = [
        f"(?<={re.escape(first)}){word_pattern(rests)}" for first, rests in sorted(groups.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_pattern(rest) for ch, rest in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# Titles written directly before a name: "Mr Chung", "Dr. Osei", "President Ramos".
# Lower-cased, without a trailing full stop.
PERSON_TITLES = word_set(
    """
    mr mrs ms miss mx dr sir dame lord lady madam mme mlle messrs prof professor rev reverend
    fr father sister brother rabbi imam sheikh sheik ayatollah cardinal bishop archbishop pope
    president vice-president premier chancellor senator sen rep congressman congresswoman
    councillor councilor cllr alderman assemblyman assemblywoman mp mep
    governor gov mayor judge justice gen general lt lieutenant col colonel maj major capt captain
    cmdr commander adm admiral sgt sergeant cpl corporal pte private insp inspector supt det
    detective constable officer ambassador minister secretary king queen prince princess duke
    duchess earl count countess baron baroness emperor empress sultan emir crown
    """
)

# Role nouns that precede a name in news prose ("striker Alan Shearer", "chief executive Ann
# Lee", "Nigerian-born coach"). Lower-case; a person cue only when written in lower case, so a
# sentence-initial "Coach" on its own is not taken as one.
PERSON_ROLES = word_set(
    """
    spokesman spokeswoman spokesperson chairman chairwoman chair chief executive director
    manager coach striker midfielder defender goalkeeper keeper forward winger captain skipper
    batsman bowler pitcher reliever starter catcher outfielder infielder quarterback fly-half
    scrum-half prop hooker lock flanker fullback full-back winger centre center guard
    champion seed player rider driver cyclist runner sprinter swimmer golfer boxer jockey
    leader minister secretary president premier chancellor senator governor mayor ambassador
    envoy official diplomat analyst economist strategist trader dealer broker lawyer attorney
    prosecutor judge magistrate detective inspector officer commander general colonel
    actor actress singer songwriter rapper musician guitarist drummer composer conductor
    director producer writer author novelist poet playwright artist painter photographer
    journalist reporter correspondent columnist editor presenter host anchor broadcaster
    comedian dancer model designer architect scientist professor researcher doctor surgeon
    nurse teacher student pupil priest pastor bishop cardinal rabbi imam cleric monk nun
    entrepreneur founder co-founder investor billionaire millionaire tycoon boss owner
    veteran rookie international compatriot teammate team-mate rival opponent challenger
    substitute replacement debutant newcomer publican landlord landlady shopkeeper farmer
    fisherman grower resident homeowner tenant commuter
    holder finalist semifinalist semi-finalist medallist medalist winner runner-up
    dissident activist campaigner protester rebel militant commander warlord suspect
    defendant victim witness survivor referee umpire linesman dj
    mother father son daughter wife husband brother sister widow uncle aunt cousin
    grandson granddaughter grandmother grandfather nephew niece
    """
)

# Lower-case words that, written just before a name, say it is an organisation ("tyre giant
# Pirelli", "the carrier Qantas", "news agency Tanjug").
ORG_DESCRIPTORS = word_set(
    """
    company companies firm group giant maker makers manufacturer producer supplier retailer
    chain carrier airline insurer lender bank broker brokerage bourse exchange agency
    newspaper daily weekly paper magazine tabloid broadcaster network station channel
    club side team rivals outfit franchise party movement faction union federation
    association council ministry department regulator watchdog conglomerate subsidiary unit
    affiliate parent operator developer distributor publisher studio label brewer miner
    refiner utility automaker carmaker drugmaker chipmaker telecoms telecom
    """
)

# Lower-case words that, followed by "of", introduce a place ("the town of Arbil").
PLACE_DESCRIPTORS = word_set(
    """
    town city village capital region province district state county island islands port
    suburb outskirts republic kingdom enclave settlement municipality area border
    """
)

# First words of club and company names: "Real Madrid", "Deutsche Bank", "Inter Milan".
ORG_PREFIXES = word_set(
    """
    Real Inter Dynamo Dinamo Atletico Sporting Olympique Olympiakos Olympiacos Racing Spartak
    Lokomotiv CSKA Bayern Borussia Hertha Werder Eintracht Fortuna Hapoel Maccabi Partizan
    Deutsche Banco Banque Banca Credit Caisse Compagnie Societe Groupe Grupo AC FC SC SV VfB
    VfL TSV
    """
)

# Words that end a company, institution or club name: "Harbour Trade Council", "Acme Ltd".
ORG_SUFFIXES = word_set(
    """
    Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited
    Bros Bros. Brothers Sons Federations Associations Unions Nations Institutes Councils
    Labs Laboratories Management Growers Producers Farmers Images Photography Photos
    LLC LLP LP Plc plc PLC AG GmbH SA S.A. NV N.V. BV AB ASA Oyj SpA S.p.A. KK Bhd Pty Pte
    Group Holdings Holding Industries Enterprises Partners Associates Ventures Capital
    Investments Securities Brokers Bank Bancorp Banks Trust Fund Funds Insurance Assurance
    Systems Technologies Technology Tech Software Solutions Networks Communications Telecom
    Electronics Instruments Pharmaceuticals Pharma Airlines Airline Airways Motors Motor Automotive
    Petroleum Oil Gas Energy Power Mining Minerals Metals Steel Chemicals Foods Brewery
    Breweries Stores Media Publishing Press Newspapers Records Studios Pictures Entertainment
    Council Councils Party Agency Agencies University Universite College Institute Institution
    Academy School Schools Ministry Department Dept Office Bureau Commission Committee Board
    Authority Authorities Service Services Administration Directorate Secretariat Cabinet
    Government Parliament Assembly Congress Senate Court Tribunal Police Army Navy Force Forces
    Guard Corps Brigade Regiment Militia Front Movement Alliance Coalition Union Federation
    Confederation Association Society Foundation Organisation Organization League Conference
    Club Clubs Church Mosque Temple Synagogue Hospital Clinic Museum Gallery Library Orchestra
    Ensemble Choir Band Theatre Theater Opera Ballet Exchange Markets Reserve Treasury
    Embassy Consulate Watch Project International Dems Wireless Fellowship Centre Center
    Newsroom Newsdesk Desk Times Post Herald Telegraph Tribune Journal Gazette Chronicle
    Observer Guardian Independent Mirror Express Standard Courier Examiner Globe Sun Star
    News Radio Television TV Broadcasting Network Channel Magazine Review Weekly Daily
    FC F.C. AFC CF SC United Rovers Wanderers Athletic Athletico Albion Hotspur Rangers Celtic
    Villa Argyle Town Sox Yankees Mets Dodgers Giants Cubs Braves Reds Pirates Cardinals
    Tigers Orioles Mariners Angels Athletics Rockies Padres Astros Marlins Expos Twins Royals
    Brewers Indians Phillies Blue Jays Lions Bears Packers Cowboys Eagles Patriots Jets
    Council's Party's Bank's Ministry's Agency's
    """
)

# Words that begin an institution's name before "of": "Bank of England", "University of Otago".
ORG_HEADS = word_set(
    """
    Bank Banks University College Institute Academy School Ministry Department Office Bureau
    Commission Committee Council Board Authority Agency Association Society Foundation
    Federation Confederation Union League Organisation Organization Order Church Court House
    Chamber Museum Gallery Library Hospital Federal National Royal Party Fund Trust Army Navy
    Corps Coalition Alliance Movement Front Congress Parliament Assembly Secretariat Cabinet
    Government Administration Directorate Division Service Services Command Centre Center
    Friends Sisters Brothers Knights Daughters Sons Society's Guild Company Corporation
    """
)

# Words that end or begin a place name: "Kowloon Bay", "Mount Kenya", "Republic of Ireland".
PLACE_SUFFIXES = word_set(
    """
    Street St Road Rd Avenue Ave Lane Boulevard Square Place Park Bridge Gate Quay Wharf Pier
    Harbour Harbor Port Bay Gulf Sea Ocean Lake River Creek Valley Canyon Hills Hill Mountains
    Hall Mountain Mount Peak Island Islands Isle Peninsula Coast Beach Cape Desert Forest Plain
    Plains Plateau Strait Straits Channel Canal Falls Springs Heights Airport Station Stadium
    Plaza Mall Precinct Waterfront Esplanade Promenade Terrace Crescent Drive Wharves
    Arena Ground Oval Circuit Racecourse Province Region District County Prefecture State
    Territory Territories Republic Kingdom Emirates City Town Village Borough Township Shire
    Oblast Krai Canton Department Parish Municipality Governorate
    """
)
PLACE_PREFIXES = word_set(
    """
    Mount Mt Lake Cape Port Fort Saint St San Santa Sao Isle Gulf Bay Strait Republic Kingdom
    Province Governorate Canton Emirate
    """
)

# Final words of events: "World War II" is matched separately, these cover "Olympic Games",
# "Edinburgh Festival", "G20 Summit", "World Cup".
EVENT_SUFFIXES = word_set(
    """
    Games Olympics Olympiad Paralympics Cup Championship Championships Open Masters Classic
    Trophy Prix Series Bowl Derby Marathon Tour Rally Regatta Festival Fest Carnival Expo
    Exhibition Fair Show Summit Conference Congress Convention Forum Symposium Awards Oscars
    Grammys Election Elections Referendum Primary Primaries Revolution War Wars Uprising
    Massacre Crisis Genocide Holocaust Blitz Spring Accords Treaty Tournament Invitational
    Week Day
    """
)

# First words of named events: "Storm Iona", "Hurricane Katrina", "Operation Desert Storm".
EVENT_PREFIXES = word_set("Storm Hurricane Typhoon Cyclone Operation Battle Siege")

# Words that never start a name even when capitalised: they are capitalised because they open
# a sentence or a headline. Function words, pronouns, common sentence openers.
COMMON_INITIAL = word_set(
    """
    A An The This That These Those There Here Then Thus Hence So Such It Its It's He His Him
    She Her Hers They Their Them We Our Us I Me My You Your Who Whom Whose What Which When
    Where Why How Whether If Unless Although Though While Whilst Because Since As After Before
    Until Till Once During Despite Without Within With Among Amongst Between Against About
    Above Below Under Over Into Onto Upon From To For Of Off On In At By Near Across Along
    Around Through Throughout Towards Toward Behind Beyond Beside Besides Inside Outside
    And Or But Nor Yet Also Still Even Just Only Already Again Never Always Often Sometimes
    Perhaps Maybe Meanwhile Moreover Furthermore However Nevertheless Nonetheless Instead
    Indeed Otherwise Therefore Finally Firstly Secondly Lastly Later Earlier Now Today
    Yesterday Tomorrow Tonight Recently Currently Previously Initially Eventually Overall
    Some Many Most More Much Few Several All Both Each Every Either Neither Any No None Not
    Other Another Such Same One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve
    Twenty Thirty Forty Fifty Hundred Hundreds Thousand Thousands Million Millions Half
    First Second Third Fourth Fifth Last Next Final Former Latest Late Early New Old Top
    According Asked Speaking Following Including Given Like Unlike Yes Oh Well Please Thanks
    Do Does Did Is Are Was Were Be Been Being Have Has Had Will Would Shall Should Can Could May
    Might Must Let Let's Lets Get Got Make Made Take Took See Saw Look Say Said Says Tell
    Told Ask Go Went Come Came Keep Put Set Give Gave Think Thought Know Knew Want Need Try
    Mr Mrs Ms Dr Sir Madam Dear Chapter Section Part Page Figure Table Photo Picture Image
    Source Sources Update Updated Read Watch Listen Share Comment Comments Advertisement
    Related Editor Editor's Note Notes Reporting Additional Copyright Published Posted
    Results Result Standings Scores Scorers Scorer Attendance Summary Summaries Played
    Halftime Total Totals Extras Bowling Batting Fall Squad Teams Penalties Conversion
    Semifinals Quarterfinals Finals Qualifier Aggregate Scoreboard Men Women Men's Women's
    Police Officials Analysts Dealers Traders Shares Sales Revenue Turnover Net Profit Loss
    Dividend Prices Price Rating Issuer Amount Delivery Workers Witnesses Doctors Students
    Investigators Authorities Organisers Diplomats Residents People Members Leaders Experts
    Critics Officers Soldiers Troops Rebels Voters Fans Players Several Thousands Dozens
    Government Opposition Security Health Tax Trade Foreign Local Political Human Armed Key
    Heavy Senior Current Revised Expected Operating Record Lead Club Year Years Week Weeks
    Day Days Month Months Season Seasons Time Times Morning Afternoon Evening Night
    """
)

# Nationalities and other demonyms: named groups, not places or organisations, so the rules
# engine leaves them out (CoNLL calls them MISC; the seven labels have no place for them).
DEMONYMS = word_set(
    """
    Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian
    Australian Austrian Azerbaijani Azeri Bahraini Bangladeshi Barbadian Belarusian Belgian
    Belizean Beninese Bhutanese Bolivian Bosnian Botswanan Brazilian British Briton Bruneian
    Bulgarian Burkinabe Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean
    Chinese Colombian Congolese Croat Croatian Cuban Cypriot Czech Danish Dane Djiboutian
    Dominican Dutch Ecuadorean Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian
    European Fijian Filipino Finnish Finn French Gabonese Gambian Georgian German Ghanaian
    Greek Grenadian Guatemalan Guinean Guyanese Haitian Honduran Hungarian Icelandic Indian
    Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian
    Kazakh Kenyan Korean Kosovan Kosovar Kuwaiti Kyrgyz Laotian Latvian Lebanese Liberian
    Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian Malian
    Maltese Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian Montenegrin Moroccan
    Mozambican Namibian Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani
    Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Pole Portuguese Qatari
    Romanian Russian Rwandan Salvadoran Samoan Saudi Scottish Scot Senegalese Serb Serbian
    Slovak Slovakian Slovenian Slovene Somali Spanish Spaniard Sudanese Surinamese
    Swazi Swedish Swede Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese Tongan
    Trinidadian Tunisian Turkish Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan
    Vietnamese Welsh Yemeni Zambian Zimbabwean Kiwi Aussie Yankee
    African Asian Arab Arabic Latin Nordic Scandinavian Balkan Baltic Caribbean Pacific
    Atlantic Mediterranean Middle Eastern Western Eastern Northern Southern Central
    Kurdish Kurd Chechen Basque Catalan Flemish Walloon Tamil Sikh Hindu Muslim Moslem Islamic
    Jewish Christian Catholic Protestant Orthodox Buddhist Shi'ite Shiite Sunni Maori Pakeha
    Pashtun Hutu Tutsi Bedouin Creole Cossack Tatar Gypsy Roma Aboriginal Inuit Hispanic
    Anglican Methodist Baptist Lutheran Mormon Evangelical Communist Socialist Democrat
    Republican Conservative Liberal Tory Tories Marxist Maoist Zionist Nazi Fascist
    Soviet Yugoslav Czechoslovak Prussian Ottoman Byzantine Roman Greek Persian Celtic Anglo
    Olympic Paralympic
    """
)

TWO_WORD_DEMONYMS = frozenset(
    tuple(pair.split())
    for pair in (
        "new zealander",
        "sri lankan",
        "south korean",
        "north korean",
        "south african",
        "sierra leonean",
        "saudi arabian",
        "costa rican",
        "puerto rican",
        "el salvadoran",
        "northern irish",
        "east timorese",
        "south sudanese",
        "bosnian serb",
        "bosnian croat",
        "kosovo albanian",
    )
)
"""Nationalities written in two words ("New Zealander Graham Henry"), as `fold` keys them."""

# Well-known organisations written as acronyms or single words whose form alone does not say
# what they are. General knowledge of international news, not taken from any corpus.
KNOWN_ORGS = word_set(
    """
    UN U.N. EU E.U. NATO Nato OPEC Opec IMF WTO WHO UNESCO Unesco UNICEF Unicef UNHCR FAO ILO
    OECD ASEAN Asean APEC Apec OSCE Interpol Europol FIFA Fifa UEFA Uefa IOC ICC ATP WTA NBA
    NFL NHL MLB PGA NCAA BBC CNN ABC CBS NBC Fox Reuters AFP AP Bloomberg Xinhua Interfax
    Itar-Tass Tass Kyodo Yonhap Ansa Dpa DPA Anatolian Sky ITV Channel Al-Jazeera Aljazeera
    CIA FBI NSA KGB FSB MI5 MI6 NASA Pentagon Kremlin Congress Senate Parliament Bundestag
    Knesset Duma Politburo Fed ECB Bundesbank Treasury Nasdaq NYSE Microsoft Google Apple
    Amazon Facebook Meta Twitter IBM Intel Samsung Sony Toyota Honda Nissan Volkswagen BMW
    Siemens Nokia Ericsson Philips Unilever Nestle Shell BP Exxon Chevron Boeing Airbus
    Ford GM Chrysler Fiat Renault Peugeot Hyundai Kia Daewoo Mitsubishi Hitachi Toshiba
    Panasonic Canon Nikon Yahoo eBay PayPal Netflix Disney Warner Vodafone Telefonica
    Gazprom Lukoil Rosneft Aeroflot Lufthansa KLM Qantas Ryanair EasyJet Easyjet Barclays HSBC
    Citigroup Citibank Goldman JPMorgan Moody's Hamas Hezbollah Fatah PLO IRA ETA Taleban
    Taliban al-Qaeda Labour UKIP Likud Greenpeace Oxfam Amnesty Vatican OAU AU Mercosur Comecon
    """
)

# Capitalised abbreviations that are not organisations: units, measures, titles, things.
NOT_ORG_ACRONYMS = word_set(
    """
    GDP GNP CPI PPI PMI RPI VAT GST IPO CEO CFO COO CTO MD MP MPs MEP MEPs PM AM BST GMT EST
    EDT CET UTC TV PC PCs CD DVD USB GPS SMS AIDS HIV SARS DNA RNA UFO OK ID PIN ATM AGM EGM
    EPS PE PCT PTS NB PS RIP AD BC BCE CE IQ LCD LED PDF HTML URL FAQ ICU
    MRI CT PhD MBA BA BSc MSc QC KC OBE MBE CBE ERA MVP XI OT TBA TBC HDTV PSP MP3 P2P
    PDA PDAs SUV WiFi VoIP DRM RSS PIN SIM
    """
)

# Place names by which news refers to countries and regions but which a gazetteer of official
# names lacks: short forms, older names, regions and sub-national units often in the news.
PLACE_ALIASES = word_set(
    """
    U.S. US USA U.S.A. America UK U.K. Britain England Scotland Wales Ulster Holland
    Russia Burma Zaire Yugoslavia Czechoslovakia USSR Macedonia Bosnia Herzegovina Kosovo
    Chechnya Dagestan Ingushetia Tatarstan Siberia Kashmir Punjab Tibet Xinjiang Taiwan
    Palestine Gaza Kurdistan Catalonia Bavaria Flanders Wallonia Lombardy Sicily Sardinia
    Corsica Crete Cyprus Quebec Ontario Alberta Manitoba Saskatchewan Tasmania Queensland
    Victoria Patagonia Amazonia Balkans Caucasus Sahara Sahel Scandinavia Benelux Midwest
    Gulf Mideast Europe Asia Africa Antarctica Arctic Oceania Eurasia Caribbean
    Iberia Indochina Transylvania Anatolia Mesopotamia Galilee Negev Sinai Golan Hebron
    Kowloon Manhattan Brooklyn Bronx Hollywood Westminster Whitehall Soho
    Mayfair Kensington Aceh Bali Java Sumatra Borneo Mindanao
    Luzon Hokkaido Kyushu Okinawa Honshu Tasmania Hawaii Alaska Greenland Iceland Ireland
    Normandy Brittany Provence Alsace Tuscany Andalusia Galicia Flanders Siberia Yakutia
    Chiapas Yucatan Darfur Kurdistan Ossetia Abkhazia Transnistria Crimea Donbas Donbass
    Baluchistan Waziristan Sindh Bengal Kerala Assam Gujarat Rajasthan Bihar Karnataka
    Auckland Wellington Christchurch Otago Canterbury Waikato
    """
)
PLACE_ALIAS_PHRASES = (
    "United States",
    "United States of America",
    "United Kingdom",
    "Great Britain",
    "Northern Ireland",
    "Soviet Union",
    "South Korea",
    "North Korea",
    "Czech Republic",
    "Ivory Coast",
    "East Timor",
    "West Bank",
    "Gaza Strip",
    "Middle East",
    "Far East",
    "Near East",
    "South Asia",
    "South East Asia",
    "Southeast Asia",
    "Central Asia",
    "East Asia",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "Northern Europe",
    "Southern Europe",
    "East Africa",
    "West Africa",
    "North Africa",
    "Southern Africa",
    "Sub-Saharan Africa",
    "Persian Gulf",
    "Hong Kong",
    "New Zealand",
    "Sri Lanka",
    "Wall Street",
    "Downing Street",
    "Capitol Hill",
    "Silicon Valley",
    "Persian Gulf",
    "Korean Peninsula",
    "Horn of Africa",
    "Bosnia and Herzegovina",
    "Bosnia-Herzegovina",
    "Nagorno-Karabakh",
    "South Ossetia",
    "West Germany",
    "East Germany",
    "New York",
    "New York City",
    "Los Angeles",
    "San Francisco",
    "Washington DC",
    "Washington D.C.",
    "Kuala Lumpur",
    "Abu Dhabi",
    "Buenos Aires",
    "Rio de Janeiro",
    "Sao Paulo",
    "Tel Aviv",
    "Cape Town",
    "Mexico City",
    "Panama City",
    "Kansas City",
    "Salt Lake City",
)

# Sports slugs that open agency copy ("SOCCER - ..."); in a document under one of them, a city
# or county named as a competitor is a club, not a place.
SPORTS = word_set(
    """
    SOCCER FOOTBALL CRICKET RUGBY TENNIS GOLF BASEBALL BASKETBALL HOCKEY ICE ATHLETICS
    CYCLING BOXING MOTOR MOTORCYCLING SWIMMING SQUASH BADMINTON VOLLEYBALL HANDBALL SKIING
    ROWING SAILING YACHTING HORSE RACING EQUESTRIANISM NFL NBA NHL OLYMPICS FORMULA SNOOKER
    DARTS JUDO WRESTLING TRIATHLON GYMNASTICS FENCING CHESS TABLE
    """
)

# Words that, several together, mark a sports report in copy without an agency slug.
SPORTS_WORDS = word_set(
    """
    striker midfielder goalkeeper defender scored goal goals league premiership cup coach
    match matches season squad fixture fixtures referee half-time semi-final quarter-final
    tournament championship innings wicket try tries relegation kick-off penalty
    """
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov"]
MONTH_ABBREVIATIONS.append("Dec")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
