/// Name, department and title material for generated tenants: Finnish and Finland-Swedish, with diacritics.
enum NordicNames {
    static let firstNames = [
        "Aino", "Aleksi", "Anna", "Anneli", "Antti", "Arja", "Eero", "Eija", "Elina", "Emilia", "Erkki", "Esa",
        "Hannele", "Hanna", "Harri", "Heikki", "Helmi", "Ilkka", "Irmeli", "Jaana", "Janne", "Jari", "Jorma",
        "Juha", "Jukka", "Jyrki", "Jaakko", "Kaarina", "Kalle", "Kari", "Katja", "Kirsi", "Kristiina", "Lasse",
        "Leena", "Liisa", "Marja", "Markku", "Matti", "Merja", "Mika", "Mikko", "Minna", "Niina", "Nina", "Olli",
        "Outi", "Paavo", "Pasi", "Pekka", "Petri", "Pirjo", "Päivi", "Raili", "Riikka", "Risto", "Sari", "Seppo",
        "Sirpa", "Tapio", "Tarja", "Teemu", "Timo", "Tuula", "Tuomas", "Ulla", "Veikko", "Ville", "Väinö", "Yrjö",
        "Åsa", "Björn", "Göran", "Gunnel", "Håkan", "Märta", "Stefan", "Ingegerd", "Åke", "Ann-Mari", "Anna-Liisa",
        "Jenni", "Sanna", "Tiina", "Taneli", "Oskari", "Eveliina", "Ronja", "Sebastian", "Ella", "Léa", "José",
    ]

    static let lastNames = [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
        "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
        "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
        "Savolainen", "Lahtinen", "Ahonen", "Pöyhönen", "Jääskeläinen", "Väisänen", "Kärkkäinen", "Räsänen",
        "Pääkkönen", "Öhman", "Åberg", "Sjöberg", "Lindström", "Nyström", "Söderholm", "Björklund", "Grönroos",
        "Wikström", "Lindqvist", "Sjöblom", "Fröberg", "Ekström", "Holmström", "Laaksonen", "Kivelä", "Ylönen",
        "Ylä-Mononen", "Härkönen", "Lyytikäinen", "Tähtinen", "Kähkönen", "Östman", "Åström", "Strömberg",
        "Mäenpää", "Pelkonen", "Hyvönen", "Leppänen", "Kallio", "Honkanen", "Rautiainen", "Vähä-Piikkiö",
    ]

    /// Departments with the titles found in them (Finnish and Swedish).
    static let departments: [(name: String, group: String, titles: [String])] = [
        ("Myynti", "myynti", ["Myyntipäällikkö", "Myyntineuvottelija", "Key Account Manager", "Säljchef"]),
        ("Asiakaspalvelu", "asiakaspalvelu", ["Asiakaspalveluneuvoja", "Tiiminvetäjä", "Kundtjänstrådgivare"]),
        ("Talous", "talous", ["Controller", "Kirjanpitäjä", "Talouspäällikkö", "Reskontranhoitaja"]),
        ("IT", "it", ["IT-tukihenkilö", "Järjestelmäasiantuntija", "Ohjelmistokehittäjä", "IT-päällikkö"]),
        ("Logistiikka", "logistiikka", ["Varastotyöntekijä", "Kuljetussuunnittelija", "Lagerchef", "Trukinkuljettaja"]),
        ("Henkilöstöhallinto", "henkilosto", ["HR-asiantuntija", "Palkkasihteeri", "Henkilöstöpäällikkö"]),
        ("Tuotanto", "tuotanto", ["Tuotantopäällikkö", "Asentaja", "Laatuinsinööri", "Työnjohtaja"]),
        ("Markkinointi", "markkinointi", ["Markkinointikoordinaattori", "Graafinen suunnittelija", "Viestintäpäällikkö"]),
        ("Hankinta", "hankinta", ["Ostaja", "Hankintapäällikkö", "Inköpare"]),
        ("Johto", "johto", ["Toimitusjohtaja", "Johdon assistentti", "Verkställande direktör"]),
        ("Vastaanotto", "vastaanotto", ["Vastaanottovirkailija", "Receptionist", "Puhelunvälittäjä"]),
        ("Försäljning", "forsaljning", ["Säljare", "Försäljningschef", "Kundansvarig"]),
    ]

    static let offices = ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä", "Vaasa", "Hämeenlinna", "Porvoo", "Mariehamn"]

    static let keywords = [
        "laskut", "palkat", "vienti", "tuonti", "reklamaatiot", "avaimet", "kulunvalvonta", "puhelimet", "lisenssit",
        "vuosilomat", "tilaukset", "varaosat", "fakturor", "lön", "huolto", "sopimukset", "matkalaskut", "pääsykortit",
    ]
}
