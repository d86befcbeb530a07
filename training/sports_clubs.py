# ruff: noqa: E501  -- the hand-written club lists below are data, one block per sport
"""Sports clubs and teams for the gazetteer (``club`` in ner_gazetteer.json). Our own list.

One club per line: ``Full name = alias, alias``. The rules type a name of several words
(full name or alias) ORG anywhere; a one-word name ("Arsenal", "Lakers", "PSG") only in
sports copy, where it is the club even when it is also a town ("Barcelona", "Chelsea").
Nicknames that are also ordinary plural words or peoples ("Reds", "Indians", "Royals",
"Islanders", "Senators") are left out on purpose; so are clubs whose short name is a
common surname ("Williams", "Santos") and clubs named exactly like a country ("Monaco").

Also ``SPORTS_BODIES``: leagues, federations and governing bodies (ORG anywhere), and
``VENUES``: grounds, stadiums, courts, courses, circuits and racecourses (``venue``, FAC).
The names are facts about the world, written from general knowledge; the misses of the
sports development set (tests/nlp/news_ner_sports.md) prompted the lists, the blind sets
were never looked at.
"""

from __future__ import annotations

FOOTBALL = """
Arsenal
Aston Villa
AFC Bournemouth = Bournemouth
Brentford
Brighton & Hove Albion = Brighton and Hove Albion, Brighton
Burnley
Chelsea
Crystal Palace
Everton
Fulham
Leeds United = Leeds
Leicester City = Leicester
Liverpool
Luton Town = Luton
Manchester City = Man City
Manchester United = Man United, Man Utd
Newcastle United = Newcastle
Nottingham Forest
Sheffield United
Sheffield Wednesday
Southampton
Tottenham Hotspur = Tottenham, Spurs
West Ham United = West Ham
Wolverhampton Wanderers = Wolves, Wolverhampton
Ipswich Town = Ipswich
Sunderland
Middlesbrough
Norwich City = Norwich
Watford
West Bromwich Albion = West Brom
Stoke City = Stoke
Swansea City = Swansea
Cardiff City = Cardiff
Queens Park Rangers = QPR
Blackburn Rovers = Blackburn
Bolton Wanderers = Bolton
Derby County = Derby
Hull City = Hull
Coventry City = Coventry
Birmingham City = Birmingham
Millwall
Preston North End = Preston
Bristol City
Bristol Rovers
Plymouth Argyle = Plymouth
Portsmouth
Wigan Athletic = Wigan
Charlton Athletic = Charlton
Huddersfield Town = Huddersfield
Barnsley
Rotherham United = Rotherham
Blackpool
Oldham Athletic = Oldham
Crewe Alexandra = Crewe
Port Vale
Peterborough United = Peterborough
Milton Keynes Dons = MK Dons
Wrexham
Lincoln City
Oxford United
Cambridge United
Exeter City
Southend United
Leyton Orient
Tranmere Rovers = Tranmere
Doncaster Rovers = Doncaster
Bradford City
Notts County
Mansfield Town
Scunthorpe United
Grimsby Town
Carlisle United
Gillingham
Celtic
Rangers = Glasgow Rangers
Aberdeen
Heart of Midlothian = Hearts
Hibernian = Hibs
Dundee United
Motherwell
Kilmarnock
St Johnstone
St Mirren
Inverness Caledonian Thistle = Inverness
Ross County
Partick Thistle
Real Madrid
Barcelona = FC Barcelona, Barca
Atletico Madrid = Atletico de Madrid, Atlético Madrid, Atletico
Sevilla
Real Betis = Betis
Valencia
Villarreal
Real Sociedad
Athletic Bilbao = Athletic Club
Celta Vigo = Celta
Espanyol
Getafe
Osasuna
Real Mallorca = Mallorca
Rayo Vallecano = Rayo
Deportivo Alaves = Alaves
Girona
Real Valladolid = Valladolid
Deportivo La Coruna = Deportivo
Real Zaragoza = Zaragoza
Levante
Leganes
Eibar
Malaga
Real Oviedo
Sporting Gijon
Racing Santander
Juventus = Juve
AC Milan = Milan
Inter Milan = Inter, Internazionale
Napoli
AS Roma = Roma
Lazio
Atalanta
Fiorentina
Torino
Bologna
Udinese
Sampdoria
Genoa
Sassuolo
Cagliari
Hellas Verona = Verona
Empoli
Lecce
Monza
Salernitana
Spezia
Parma
Palermo
Frosinone
Venezia
Brescia
Chievo Verona = Chievo
Piacenza
Perugia
Reggina
Cremonese
Bayern Munich = Bayern, Bayern Muenchen, Bayern München, FC Bayern
Borussia Dortmund = Dortmund, BVB
Bayer Leverkusen = Leverkusen
RB Leipzig = Leipzig
Borussia Moenchengladbach = Borussia Mönchengladbach, Moenchengladbach, Mönchengladbach, Gladbach
VfL Wolfsburg = Wolfsburg
Eintracht Frankfurt
VfB Stuttgart = Stuttgart
Werder Bremen = Bremen
Schalke 04 = Schalke
Hertha Berlin = Hertha BSC, Hertha
Union Berlin
SC Freiburg = Freiburg
TSG Hoffenheim = Hoffenheim
FSV Mainz 05 = Mainz
FC Augsburg = Augsburg
FC Koeln = FC Cologne, Koeln
Hamburg SV = Hamburger SV, HSV
VfL Bochum = Bochum
Hannover 96
Kaiserslautern
Fortuna Duesseldorf = Fortuna Düsseldorf
St Pauli = St. Pauli
Karlsruhe
Hansa Rostock
Dynamo Dresden
MSV Duisburg
Arminia Bielefeld = Bielefeld
Paris St Germain = Paris Saint-Germain, Paris St-Germain, Paris SG, PSG
Olympique Marseille = Olympique de Marseille, Marseille
Olympique Lyon = Olympique Lyonnais, Lyon
AS Monaco
Lille = LOSC
RC Lens = Lens
Stade Rennais = Rennes
OGC Nice
Nantes
Montpellier
Strasbourg
Stade de Reims = Reims
Toulouse
Girondins Bordeaux = Bordeaux
Saint-Etienne = St Etienne, Saint-Étienne
Auxerre
Lorient
Le Havre
Sochaux
Guingamp
Benfica
FC Porto = Porto
Sporting Lisbon = Sporting CP
Sporting Braga = Braga
Vitoria Guimaraes
Boavista
Ajax = Ajax Amsterdam
PSV Eindhoven = PSV
Feyenoord
AZ Alkmaar
FC Twente = Twente
FC Utrecht
Vitesse Arnhem = Vitesse
Heerenveen
Anderlecht
Club Brugge = Club Bruges
Standard Liege
Racing Genk = Genk
Galatasaray
Fenerbahce
Besiktas
Trabzonspor
Olympiakos = Olympiacos
Panathinaikos
AEK Athens
PAOK
Spartak Moscow
CSKA Moscow = CSKA
Zenit St Petersburg = Zenit Saint Petersburg, Zenit
Lokomotiv Moscow
Dynamo Moscow
Dynamo Kiev = Dynamo Kyiv
Shakhtar Donetsk = Shakhtar
Red Star Belgrade
Partizan Belgrade = Partizan
Dinamo Zagreb
Hajduk Split
Slavia Prague
Sparta Prague
Viktoria Plzen
Legia Warsaw
Ferencvaros
Steaua Bucharest = FCSB
Red Bull Salzburg = Salzburg
Rapid Vienna
Austria Vienna
Sturm Graz
Young Boys
FC Basel = Basel
Grasshoppers
FC Copenhagen
Brondby
Malmo FF = Malmo
Rosenborg
Bodo/Glimt = Bodø/Glimt
Maccabi Tel Aviv
Maccabi Haifa
Hapoel Tel Aviv
APOEL Nicosia = APOEL
Ludogorets
Qarabag
Flamengo
Fluminense
Palmeiras
Corinthians
Gremio
Internacional
Cruzeiro
Atletico Mineiro
Botafogo
Vasco da Gama = Vasco
Boca Juniors = Boca
River Plate
Independiente
San Lorenzo
Estudiantes
Velez Sarsfield
Newell's Old Boys
Rosario Central
Penarol = Peñarol
Colo-Colo
Atletico Nacional
Cruz Azul
Tigres
LA Galaxy = Los Angeles Galaxy
Inter Miami
Seattle Sounders
Los Angeles FC = LAFC
Atlanta United
New York Red Bulls
New York City FC
Toronto FC
Portland Timbers
Columbus Crew
Orlando City
FC Cincinnati
Philadelphia Union
Sporting Kansas City
Al Hilal = Al-Hilal
Al Nassr = Al-Nassr
Al Ittihad = Al-Ittihad
Al Ahly = Al-Ahly
Zamalek
Al Sadd = Al-Sadd
Wydad Casablanca
Raja Casablanca
Mamelodi Sundowns
Kaizer Chiefs
Orlando Pirates
Urawa Reds
Kashima Antlers
Guangzhou Evergrande
"""

BASKETBALL = """
Atlanta Hawks = Hawks
Boston Celtics = Celtics
Brooklyn Nets = Nets
Charlotte Hornets = Hornets
Chicago Bulls
Cleveland Cavaliers = Cavaliers, Cavs
Dallas Mavericks = Mavericks, Mavs
Denver Nuggets = Nuggets
Detroit Pistons = Pistons
Golden State Warriors = Warriors
Houston Rockets
Indiana Pacers = Pacers
Los Angeles Clippers = LA Clippers, Clippers
Los Angeles Lakers = LA Lakers, Lakers
Memphis Grizzlies = Grizzlies
Miami Heat
Milwaukee Bucks = Bucks
Minnesota Timberwolves = Timberwolves
New Orleans Pelicans = Pelicans
New York Knicks = Knicks
Oklahoma City Thunder
Orlando Magic
Philadelphia 76ers = 76ers, Sixers
Phoenix Suns
Portland Trail Blazers = Trail Blazers
Sacramento Kings
San Antonio Spurs
Toronto Raptors = Raptors
Utah Jazz
Washington Wizards = Wizards
Seattle SuperSonics = SuperSonics
New Jersey Nets
Charlotte Bobcats = Bobcats
Harlem Globetrotters = Globetrotters
Anadolu Efes
Zalgiris Kaunas = Zalgiris
"""

AMERICAN_FOOTBALL = """
Arizona Cardinals
Atlanta Falcons = Falcons
Baltimore Ravens = Ravens
Buffalo Bills
Carolina Panthers
Chicago Bears
Cincinnati Bengals = Bengals
Cleveland Browns
Dallas Cowboys = Cowboys
Denver Broncos = Broncos
Detroit Lions
Green Bay Packers = Packers
Houston Texans
Indianapolis Colts = Colts
Jacksonville Jaguars = Jaguars
Kansas City Chiefs
Las Vegas Raiders = Raiders
Los Angeles Chargers = Chargers
Los Angeles Rams
Miami Dolphins = Dolphins
Minnesota Vikings
New England Patriots
New Orleans Saints
New York Giants
New York Jets
Philadelphia Eagles
Pittsburgh Steelers = Steelers
San Francisco 49ers = 49ers, Niners
Seattle Seahawks = Seahawks
Tampa Bay Buccaneers = Buccaneers, Bucs
Tennessee Titans
Washington Commanders
Oakland Raiders
San Diego Chargers
St. Louis Rams = St Louis Rams
"""

BASEBALL = """
Arizona Diamondbacks = Diamondbacks
Atlanta Braves = Braves
Baltimore Orioles = Orioles
Boston Red Sox = Red Sox
Chicago Cubs = Cubs
Chicago White Sox = White Sox
Cincinnati Reds
Cleveland Guardians
Cleveland Indians
Colorado Rockies
Detroit Tigers
Houston Astros = Astros
Kansas City Royals
Los Angeles Angels
Los Angeles Dodgers = Dodgers
Miami Marlins = Marlins
Milwaukee Brewers = Brewers
Minnesota Twins
New York Mets = Mets
New York Yankees = Yankees
Oakland Athletics
Philadelphia Phillies = Phillies
Pittsburgh Pirates
San Diego Padres = Padres
San Francisco Giants
Seattle Mariners = Mariners
St. Louis Cardinals = St Louis Cardinals
Tampa Bay Rays
Texas Rangers
Toronto Blue Jays = Blue Jays
Washington Nationals
Montreal Expos
"""

ICE_HOCKEY = """
Anaheim Ducks
Boston Bruins = Bruins
Buffalo Sabres = Sabres
Calgary Flames
Carolina Hurricanes
Chicago Blackhawks = Blackhawks
Colorado Avalanche
Columbus Blue Jackets = Blue Jackets
Dallas Stars
Detroit Red Wings = Red Wings
Edmonton Oilers = Oilers
Florida Panthers
Los Angeles Kings
Minnesota Wild
Montreal Canadiens = Canadiens, Habs
Nashville Predators
New Jersey Devils
New York Islanders
New York Rangers
Ottawa Senators
Philadelphia Flyers = Flyers
Pittsburgh Penguins = Penguins
San Jose Sharks
Seattle Kraken
St. Louis Blues = St Louis Blues
Tampa Bay Lightning
Toronto Maple Leafs = Maple Leafs
Vancouver Canucks = Canucks
Vegas Golden Knights = Golden Knights
Washington Capitals
Winnipeg Jets
Arizona Coyotes
"""

MOTOR_AND_CYCLING = """
Ferrari = Scuderia Ferrari
Mercedes
McLaren
Red Bull Racing = Red Bull
Aston Martin
Sauber
Racing Bulls = Visa Cash App RB
AlphaTauri
Toro Rosso
Brawn GP
Minardi
Ducati
Movistar
Ineos Grenadiers = Ineos, Team Ineos
Team Sky
Jumbo-Visma = Visma-Lease a Bike
UAE Team Emirates
Soudal Quick-Step = Quick-Step
Bora-Hansgrohe
Lotto Soudal
EF Education-EasyPost
Lidl-Trek = Trek-Segafredo
Groupama-FDJ
Alpecin-Deceuninck
Bahrain Victorious
"""

CRICKET_AND_RUGBY = """
Mumbai Indians
Chennai Super Kings
Royal Challengers Bangalore = Royal Challengers Bengaluru
Kolkata Knight Riders
Delhi Capitals
Delhi Daredevils
Rajasthan Royals
Punjab Kings = Kings XI Punjab
Sunrisers Hyderabad
Lucknow Super Giants
Gujarat Titans
Deccan Chargers
Sydney Sixers
Sydney Thunder
Melbourne Stars
Melbourne Renegades
Perth Scorchers
Brisbane Heat
Adelaide Strikers
Hobart Hurricanes
Lahore Qalandars
Karachi Kings
Islamabad United
Peshawar Zalmi
Quetta Gladiators
Multan Sultans
Leinster
Munster
Connacht
Saracens
Leicester Tigers
Harlequins
Exeter Chiefs
Northampton Saints
Sale Sharks
Bristol Bears
Stade Francais = Stade Français
Racing 92
Clermont Auvergne = Clermont
Crusaders
Brumbies
Waratahs
Stormers
Wigan Warriors
St Helens
Leeds Rhinos
Warrington Wolves
Melbourne Storm
Penrith Panthers
South Sydney Rabbitohs = Rabbitohs
Sydney Roosters
Brisbane Broncos
"""

CLUBS = FOOTBALL + BASKETBALL + AMERICAN_FOOTBALL + BASEBALL + ICE_HOCKEY + MOTOR_AND_CYCLING + CRICKET_AND_RUGBY

#: leagues, federations and governing bodies: ORG anywhere (exact case)
SPORTS_BODIES = """
NBA|NFL|NHL|MLB|MLS|NCAA|ATP|WTA|PGA|LPGA|UFC|FIA|UCI|ITF|FIVB|FINA|IAAF|WADA|World Anti-Doping Agency|
CONCACAF|CONMEBOL|BCCI|Board of Control for Cricket in India|Pakistan Cricket Board|
Cricket Australia|England and Wales Cricket Board|Football Association|Rugby Football Union|
World Rugby|World Athletics|International Tennis Federation|International Cricket Council|
National Basketball Association|National Football League|National Hockey League|
Major League Baseball|Major League Soccer|Ligue de Football Professionnel|Deutsche Fussball Liga|
Asian Football Confederation|Confederation of African Football|Union Cycliste Internationale|
Federation Internationale de l'Automobile|All England Club|Marylebone Cricket Club|MCC
""".replace("\n", "").split("|")


def clubs() -> dict[str, list[str]]:
    """Full name -> aliases, from the blocks above (duplicates are an error)."""
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    for line in CLUBS.splitlines():
        line = line.strip()
        if not line:
            continue
        full, _, rest = line.partition(" = ")
        aliases = [a.strip() for a in rest.split(",") if a.strip()]
        for name in (full, *aliases):
            if name in seen:
                raise ValueError(f"club name listed twice: {name!r}")
            seen.add(name)
        out[full.strip()] = aliases
    return out

#: grounds, stadiums, circuits, courses and courts: FAC. A name of several words anywhere;
#: a one-word name ("Anfield", "Wembley", "Twickenham") in sports copy only, where it is
#: the venue, not the district.
VENUES = """
Anfield|Old Trafford|Stamford Bridge|Emirates Stadium|Etihad Stadium|Goodison Park|
Villa Park|St James' Park|Elland Road|Tottenham Hotspur Stadium|White Hart Lane|
Highbury|Craven Cottage|Selhurst Park|London Stadium|Molineux|Hillsborough|Bramall Lane|
Portman Road|Carrow Road|Turf Moor|Ewood Park|Wembley|Wembley Stadium|Celtic Park|Ibrox|
Hampden Park|Murrayfield|Twickenham|Millennium Stadium|Principality Stadium|
Aviva Stadium|Lansdowne Road|Croke Park|Camp Nou|Nou Camp|Santiago Bernabeu|Bernabeu|
Wanda Metropolitano|Metropolitano|Mestalla|San Mames|San Siro|Giuseppe Meazza|
Stadio Olimpico|Juventus Stadium|Allianz Stadium|Allianz Arena|Signal Iduna Park|
Westfalenstadion|Olympiastadion|Parc des Princes|Stade de France|Stade Velodrome|
Estadio da Luz|Estadio do Dragao|Johan Cruyff Arena|Amsterdam Arena|
De Kuip|Philips Stadion|Maracana|La Bombonera|Estadio Azteca|Azteca|
Lord's|The Oval|Kennington Oval|Old Trafford Cricket Ground|Edgbaston|Headingley|
Trent Bridge|Sydney Cricket Ground|Melbourne Cricket Ground|Eden Gardens|
Wankhede Stadium|Gaddafi Stadium|Newlands|Wanderers Stadium|Eden Park|
Roland Garros|Stade Roland Garros|Flushing Meadows|Arthur Ashe Stadium|Centre Court|
Rod Laver Arena|Melbourne Park|Augusta National|St Andrews Old Course|Old Course|
Royal Birkdale|Carnoustie|Royal Troon|Pebble Beach|TPC Sawgrass|
Silverstone|Spa-Francorchamps|Interlagos|Suzuka|
Yas Marina Circuit|Circuit de Catalunya|Circuit of the Americas|Hungaroring|
Imola|Indianapolis Motor Speedway|Daytona International Speedway|Brands Hatch|
Madison Square Garden|Fenway Park|Wrigley Field|Yankee Stadium|Dodger Stadium|
Lambeau Field|Soldier Field|Arrowhead Stadium|SoFi Stadium|MetLife Stadium|
Staples Center|Crypto.com Arena|TD Garden|United Center|Chase Center|
Aintree|Cheltenham Racecourse|Epsom Downs|Ascot|Royal Ascot|Churchill Downs|
Longchamp|Flemington|Meydan|Crucible Theatre|Alexandra Palace
""".replace("\n", "").split("|")
