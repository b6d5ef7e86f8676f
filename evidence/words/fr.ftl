# Les mots du tableau de bord autour de ses graphiques, en français. Même
# format que en.ftl ; chaque clé de en.ftl doit être ici (un test le
# vérifie). Catégories de pluriel du français : [one] pour 0 et 1,
# [other] au-delà.

## Site et navigation (premier affichage)
site-name = Tableau de bord des données sur l'exploitation sexuelle des enfants en ligne
nav-main = Principal
nav-datasets = Jeux de données
nav-coverage = Couverture
nav-compare = Comparer
nav-glossary = Glossaire
nav-methods = Méthodes
# Sur un téléphone, les liens du site sont derrière ce mot (il les montre et les cache).
nav-menu = Menu

## La fiche du graphique
caveats-heading = Ce que ces chiffres montrent et ne montrent pas
caveat-coverage = Couverture
caveat-bias = Biais connus
caveat-definition = Définition
caveat-comparability = Comparabilité
caveat-method = Méthode
what-is-counted = Ce qui est compté :
who-is-counted = Qui est compté :
source-link = (source)
sources = Sources
source = Source
licence = Réutilisation :
no-figures-for = Aucun chiffre pour : { $places } — c'est une lacune, pas un zéro.
data-release = Édition des données { $release }
permalink = Lien vers ce graphique
shared-heading = Titre et notes ajoutés par la personne qui a partagé ce lien
shared-title = Titre :
shared-subtitle = Sous-titre :
provenance-heading = D'où viennent ces chiffres
comparability-heading = Autres jeux de données
not-comparable-with = Non comparable avec : { $datasets }.
comparable-with-care = Comparable avec précaution : { $datasets }.
# Provenance : ce que l'éditeur donne par groupe et selon quoi les séries
# présentées ici ne sont pas ventilées (`source_breakdowns` du paquet de
# données), et une origine connue seulement par une source secondaire
# (`origin_source`).
list-and = et
source-also-publishes = La source publie aussi des chiffres par { $groups } ; ils ne sont pas représentés ici.
source-breakdowns-technical = L'éditeur donne aussi des chiffres par { $groups }, selon lesquels les séries présentées ici ne sont pas ventilées : { $details }.
source-breakdowns-second-hand = (Connu par un compte rendu de seconde main.)
secondary-source = source secondaire
origin-second-hand = La façon dont les chiffres sont produits (« { $origin } ») n'est connue que par un compte rendu de seconde main : { $who }.
origin-marked-secondary = { $origin } (d'après une source secondaire)

## La phrase qui résume le graphique
summary = { $name } pour { $places }, { $when } : { $figures }, de { $min } à { $max }.
summary-empty = { $name } : aucun chiffre pour cette sélection.
figures-count =
    { $n ->
        [one] { $n } valeur
       *[other] { $n } valeurs
    }
places-count =
    { $n ->
        [one] { $n } lieu
       *[other] { $n } lieux
    }
reports-count =
    { $n ->
        [one] { $n } signalement
       *[other] { $n } signalements
    }

## Le tableau des données (un graphique en tableau au premier affichage)
data-table = Tableau des données
table-label = Lieu ou série
table-period = Période
table-value = Valeur
table-interval = Intervalle
table-note = Note
table-source = Source

## Intégrations
bad-params = Certains réglages de ce lien n'ont pas été compris et ont été remplacés par les valeurs par défaut
open-full-chart = Graphique complet, données et sources
static-image = Image fixe de ce graphique, avec ses mises en garde
with-caveats = avec ses mises en garde
view-the-chart = Voir le graphique
not-found-title = Aucun graphique ici
not-found-text = Ce lien ne désigne aucun jeu de données du tableau de bord. Il est peut-être mal saisi, ou le jeu de données a été renommé.
all-datasets = Voir tous les jeux de données

## Exports
csv-chart-contents = les données montrées dans le graphique
csv-data-contents = toutes les observations du jeu de données

## Page du graphique : téléchargement
export-heading = Télécharger
export-intro = Chaque fichier garde le titre, vos notes, la source et ce que ces chiffres montrent et ne montrent pas.
export-size = Taille de l'image
export-high-resolution = PNG haute résolution (2×)
export-png = Image (PNG)
export-svg = Image vectorielle (SVG)
export-chart-csv = Données affichées (CSV)
export-data-csv = Jeu de données complet (CSV)
preset-report = Page de rapport (1200 × 800)
preset-slide = Diapositive, 16:9 (1920 × 1080)
preset-square = Carré (1080 × 1080)

## Page du graphique : code d'intégration
embed-heading = Intégrer ce graphique
embed-intro = Collez ce code dans une page web. Le graphique garde ses mises en garde et sa source, et ajuste sa hauteur à la page.
embed-copy = Copier le code
embed-copied = Copié
embed-refused = Le navigateur a refusé la copie : le code est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).
embed-oembed = Adresse oEmbed, pour les systèmes de publication qui l'acceptent :
embed-loading = Préparation du code…

## Page du graphique : annotations
annot-heading = Annoter ce graphique
annot-intro = Votre titre, vos notes et la période mise en évidence font partie de l'adresse de cette page et de chaque téléchargement : partagez le lien, le graphique les garde, marqués comme ajoutés par vous, avec ses mises en garde.
annot-title = Titre
annot-subtitle = Sous-titre
annot-notes = Notes
annot-no-notes = Pas encore de note.
annot-period = Période
annot-place = Lieu (facultatif)
annot-whole-chart = Tout le graphique
annot-note = Note
annot-add-note = Ajouter la note
annot-remove = Retirer la note { $n }
annot-remove-button = Retirer
annot-too-many-notes = Un graphique a au plus { $max } notes ; retirez-en une pour en ajouter une autre.
annot-empty-note = Écrivez d'abord la note.
annot-highlight = Mettre des années en évidence
annot-from = De
annot-to = À
annot-no-highlight = Aucune
annot-characters =
    { $n ->
        [one] { $n } / { $max } caractère
       *[other] { $n } / { $max } caractères
    }

## Page écosystème (/ecosystem) et son diagramme : qui détient les données, comment elles circulent, les sources non représentables
eco-title = Qui détient les données, et comment elles circulent
eco-intro = Les chiffres sur l'exploitation et les abus sexuels d'enfants en ligne viennent des entreprises, des lignes de signalement, des enquêtes, des chercheurs et de la police. Chacun en voit une partie, et certaines parties ne sont pas publiées du tout. Cette page montre d'où vient chaque jeu de données de ce tableau de bord.
eco-desc = Un diagramme de qui détient des données sur l'exploitation et les abus sexuels d'enfants en ligne (administrations, entreprises, organisations non gouvernementales, recherche universitaire, organisations intergouvernementales), de la circulation des signalements et des réponses entre eux, et des flux sans données publiques. La liste de cette page dit la même chose en mots.
eco-diagram-heading = Diagramme
eco-list-heading = La même chose, sous forme de liste
eco-lane = Circuit
eco-sector = Secteur de l'éditeur
eco-no-sector = Des personnes, pas un éditeur
eco-datasets-here = Jeux de données issus d'ici
eco-no-datasets = Aucun jeu de données de ce tableau de bord ne vient d'ici.
eco-dataset-count =
    { $n ->
        [0] aucun jeu de données ici
        [one] { $n } jeu de données ici
       *[other] { $n } jeux de données ici
    }
eco-flows-out = Transmet à
eco-no-public-data = aucune donnée publique
eco-legend-dashed = Tirets : aucune donnée publique
eco-legend-link = Choisissez une case pour voir ses jeux de données
eco-gaps-heading = Flux sans données publiques
eco-gaps-intro = Ces flux existent, mais aucun chiffre n'en est publié sous une forme que nous puissions vérifier et représenter.
eco-uncharted-heading = Sources que nous ne pouvons pas représenter
eco-uncharted-intro = Ces sources ont été examinées mais ne sont pas représentées. Pour chacune : ce qu'elle offre, pourquoi elle n'est pas ici, et ce qui changerait cela.
eco-offers = Ce qu'elle offre
eco-why-not = Pourquoi elle n'est pas représentée ici
eco-would-change = Ce qui changerait cela
eco-recorded-in = Consigné dans
eco-not-recorded = Absent de nos sources vérifiées
eco-nav = Écosystème des données
eco-meta-description = Qui détient les données sur l’exploitation et les abus sexuels d’enfants en ligne, comment elles circulent, quels flux n’ont aucune donnée publique, et les sources que ce tableau de bord ne peut pas représenter.
eco-loading = Chargement de la carte des données…

## Chart page: cite this chart, and links pinned to a data release
cite-heading = Citer ce graphique
cite-intro = Une citation du graphique tel qu'il est affiché. L'éditeur d'origine vient en premier : ce tableau de bord organise les données, il n'en est pas la source.
cite-loading = Préparation de la citation…
cite-copy = Copier la citation
cite-copied = Copiée
cite-refused = Le navigateur a refusé de copier : la citation est sélectionnée, appuyez sur Ctrl+C (⌘C sur un Mac).
cite-download = Télécharger la citation au format :
cite-bibtex = BibTeX
cite-ris = RIS
cite-csl-json = CSL-JSON
release-pinned = Ce graphique montre l'édition des données { $release }. L'édition actuelle est { $current }.
release-pinned-link = Voir la vue actuelle
release-pinned-same = Les chiffres de cette vue sont les mêmes dans l'édition actuelle.
release-pinned-changed = Les chiffres de cette vue ont changé depuis.
release-unknown = Ce lien demande une édition des données que ce serveur ne conserve pas : les données actuelles sont affichées.

## ---- Pages de l'application (app/src/i18n.rs relie ses noms `Msg` à ces clés) ----
## Chaque mot des pages de l'application que la fiche du graphique ci-dessus ne dit pas déjà.
site-short-name = Données EASE en ligne
skip-to-content = Aller au contenu
nav-home = Accueil
footer-text = Uniquement des chiffres agrégés, tirés de sources publiées et toutes citées. Ni cookies, ni pistage.
loading = Chargement…
retry = Réessayer
err-network = Le serveur est injoignable. Vérifiez votre connexion et réessayez.
err-decode = Le serveur a envoyé des données que cette page ne sait pas lire. Recharger la page peut aider.
load-failed = Le chargement a échoué
home-title = Données sur l'exploitation et les abus sexuels d'enfants en ligne, avec ce que chaque chiffre montre et ne montre pas
home-intro = Des chiffres tirés de sources publiées — lignes de signalement, CyberTipline du NCMEC, enquêtes auprès des ménages, méta-analyses — chacun présenté avec sa couverture, ses biais connus, sa définition et ses limites de comparaison.
headline-figures = Chiffres clés, avec leurs mises en garde
headline-latest = { $name }, { $period }
# { $from_place } porte déjà « de » et { $to_place } « à », contractés avec l'article du lieu
# (« du Kenya », « de l'Inde », « à l'Ouganda », « aux Philippines ») : evidence::words::place_with.
headline-across-places = { $name } : { $from_place } { $to_place }, sur { $n } pays ({ $series }). Le chiffre propre à chaque pays ; pas une moyenne.
headline-across-series = { $name } : de { $from_series } à { $to_series }, sur { $n } formes d'abus, études publiées { $period }.
caveat = Mise en garde :
open-chart-and-caveats = Ouvrir le graphique et toutes ses mises en garde
how-to-read = Comment lire ces chiffres
how-to-read-1 = Les signalements reçus par les lignes de signalement et les plateformes mesurent autant l'effort de détection que l'ampleur des abus. Une hausse des signalements n'est pas, à elle seule, une hausse des abus.
how-to-read-2 = Les enquêtes ne couvrent que les enfants qu'elles ont atteints, les années où elles ont interrogé. Beaucoup d'enfants n'en parlent à personne : les chiffres réels sont probablement plus élevés.
how-to-read-3 = Une donnée manquante n'est pas un zéro. Quand une source ne dit rien d'un pays, ce site l'indique et ne comble jamais le vide.
how-to-read-4 = Des sources différentes comptent des choses différentes. Ne les comparez que là où la page de comparaison l'autorise.
read-methods = Comment les données ont été sélectionnées
find-evidence = Trouver les données
by-country = Par pays
by-region = Par région
by-dataset = Par jeu de données
by-theme = Par thème
choose-country = Pays
open-profile = Ouvrir le profil
country-hint = Chaque pays a un profil, y compris ceux qu'aucun jeu de données ne couvre : une lacune mérite d'être connue.
all-n-datasets =
    { $n ->
        [one] { $n } jeu de données
       *[other] Les { $n } jeux de données
    }
coverage-matrix = Où les données existent, et où elles manquent
compare-two = Comparer deux jeux de données
page-all-datasets = Tous les jeux de données
datasets-intro = Chaque jeu de données est une série de chiffres publiée, avec sa source, sa couverture et ses mises en garde.
themes = Thèmes
all-themes = Tous les thèmes
theme-reports = Signalements aux plateformes, lignes de signalement et police
theme-surveys = Enquêtes auprès d'enfants et de jeunes
theme-pooled = Estimations tirées de nombreuses études
theme-offenders = Enquêtes auprès de personnes cherchant du matériel d'abus
places-with-figures-count =
    { $n ->
        [one] { $n } lieu avec des chiffres
       *[other] { $n } lieux avec des chiffres
    }
years = Années
all-caveats =
    { $n ->
        [one] { $n } mise en garde, avec le graphique complet
       *[other] Les { $n } mises en garde, avec le graphique complet
    }
terms-used = Termes employés (glossaire)
compare-with-another = Comparer avec un autre jeu de données
see-coverage = Où ce jeu de données a des chiffres
chart-settings = Réglages du graphique
chart-kind = Graphique
line = Courbe
bar = Barres
map = Carte
table = Tableau
tone = Formulation
plain = Simple
technical = Technique
language = Langue
place = Lieu
whole-region = { $place } (toute la zone)
latest = La plus récente
interval-text = intervalle de { $lower } à { $upper }
not-found = Page introuvable
page-not-found-text = Il n'y a pas de page à cette adresse.
page-bad-params = Certains réglages de l'adresse n'ont pas été compris et ont été remplacés par les valeurs par défaut
first-year = première année
last-year = dernière année
geographies = Lieux
all-default = valeurs les plus élevées (par défaut)
series = Séries
all-series = toutes les séries
region-sum = { $place } (somme de ses pays)
choose = Choisir…
done-choosing = Fermer la liste
search-names = Rechercher par nom
matches =
    { $n ->
        [one] { $n } résultat
       *[other] { $n } résultats
    }
clear-choice = Effacer le choix
country-in = Pays de la zone { $region }
region-of-countries =
    { $n ->
        [one] { $kind } : { $n } pays ou territoire
       *[other] { $kind } : { $n } pays et territoires
    }
n-with-figures =
    { $n ->
        [one] { $n } jeu de données avec des chiffres
       *[other] { $n } jeux de données avec des chiffres
    }
n-without-figures =
    { $n ->
        [one] { $n } jeu de données sans chiffres
       *[other] { $n } jeux de données sans chiffres
    }
datasets-with-figures = Jeux de données avec des chiffres — { $place } ({ $n })
datasets-without-figures = Jeux de données sans chiffres — { $place } ({ $n })
no-dataset-covers = Aucun jeu de données ici n'a de chiffres pour ce lieu ({ $place }). C'est une lacune des données, pas le signe qu'il ne se passe rien.
gap-not-zero = Une lacune n'est pas un zéro : ces sources ne disent rien de ce lieu, soit parce qu'elles couvrent d'autres lieux, soit parce qu'elles ne publient pas de détail par pays.
covers-only = Couvre : { $scope }
sum-over-countries =
    { $n ->
        [one] Chiffre de { $n } pays qui en a un, sur les { $total } de la région.
       *[other] Somme des { $n } pays qui ont un chiffre, sur les { $total } de la région.
    }
countries-with-figures = Des chiffres pour { $n } des { $total } pays de la région.
never-averaged = Les pourcentages sont donnés pays par pays ; ils ne sont jamais moyennés en un chiffre régional.
places-in-region = Lieux de la zone { $region }
trend-text = de { $first } ({ $first_period }) à { $last } ({ $last_period })
all-figures = Tous les chiffres
compare-title = Comparer deux jeux de données
compare-intro = Deux jeux de données côte à côte pour les mêmes lieux, chacun avec ses mises en garde. Lisez d'abord les avertissements : beaucoup de paires comptent des choses différentes et ne doivent pas être comparées.
compare-settings = Jeux de données à comparer
first-dataset = Premier jeu de données
second-dataset = Second jeu de données
choose-dataset = Choisir un jeu de données
try-a-pair = Essayer une paire
versus-pair = { $a } — et — { $b }
places-in-both = Lieux avec des chiffres dans les deux : { $places }.
no-place-in-both = Aucun lieu n'a de chiffres dans les deux jeux : chaque graphique montre ses propres lieux.
places-in-both-default = lieux présents dans les deux (par défaut)
before-you-compare = Avant de comparer
no-warnings = Aucune différence d'unité, de méthode, de population ou d'années n'a été trouvée, et rien n'a été déclaré. Lisez tout de même chaque encadré de mises en garde.
do-not-compare = Non comparable :
compare-with-care = Avec prudence :
declared-comparable = Comparable :
warn-same = Les deux côtés sont le même jeu de données ; choisissez-en un autre pour l'un des côtés.
warn-declared = { $reason } (indiqué dans le paquet de données)
warn-unit = unités différentes : « { $a } » est en { $unit_a }, « { $b } » en { $unit_b }. Ils ne peuvent pas partager une échelle, et l'un ne se convertit pas en l'autre.
warn-reports-estimates = « { $reports } » compte des signalements ou des enregistrements ({ $method_reports }) ; « { $estimates } » estime la fréquence d'une expérience ({ $method_estimates }). Un nombre de signalements n'est pas un nombre d'enfants, et plus de signalements ne veut pas dire plus d'abus.
warn-method = méthodes différentes : { $method_a } contre { $method_b }. Les chiffres peuvent différer pour cette seule raison.
warn-population = les personnes comptées diffèrent. « { $a } » : { $population_a } — « { $b } » : { $population_b }
warn-no-common-years = aucune année commune : « { $a } » couvre { $years_a }, « { $b } » couvre { $years_b }. Un écart entre eux peut venir du temps écoulé, ou de rien du tout.
warn-different-years = années différentes : « { $a } » couvre { $years_a }, « { $b } » couvre { $years_b }. Ne comparez que des chiffres de la même période.
unit-count = nombres
unit-percent = pourcentages
unit-rate = taux
unit-score = scores
method-administrative = données administratives
method-provider-reports = signalements d'entreprises
method-hotline-reports = signalements aux lignes de signalement
method-household-survey = enquête auprès des ménages
method-online-survey = enquête en ligne
method-meta-analysis = méta-analyse de nombreuses études
method-police-recorded = infractions enregistrées par la police
method-self-selected-survey = enquête à participation volontaire
kind-world = Monde
kind-region = Région
kind-subregion = Sous-région
kind-country = Pays
kind-subnational = Partie d'un pays
kind-special = Code spécial
coverage-title = Où les données existent, et où elles manquent
coverage-intro = Quel jeu de données a des chiffres pour quel lieu, et pour quelles années. Un tiret est une lacune : la source ne dit rien de ce lieu, ce qui n'est pas un zéro.
filter-places = Filtrer les lieux
region = Région
only-with-figures = Seulement les lieux avec au moins un chiffre
legend-has = années avec des chiffres
legend-gap = aucun chiffre (une lacune, pas un zéro)
coverage-summary =
    { $n ->
        [one] { $region } : { $n } lieu, dont { $with_figures } avec au moins un chiffre.
       *[other] { $region } : { $n } lieux, dont { $with_figures } avec au moins un chiffre.
    }
coverage-caption = Années avec des chiffres, par lieu et jeu de données — { $region }
no-figures = aucun chiffre
glossary-intro = Les mots employés sur ce site, d'après les Lignes directrices de Luxembourg (2016), en mots simples et en termes techniques, avec les termes à éviter et pourquoi.
term-index = Termes
in-plain-words = En mots simples
technically = En termes techniques
terms-to-avoid = Termes à éviter
datasets-using-term = Jeux de données qui emploient ce terme
reference = Référence :
methods-title = Comment les données ont été sélectionnées
methods-intro = Ce que contient ce site, d'où cela vient, et les règles suivies pour qu'un chiffre ne soit jamais montré sans ce qu'il signifie et ne signifie pas.
on-this-page = Sur cette page
methods-sources-1 = Chaque chiffre vient d'une source publiée : les publications de données de la CyberTipline du NCMEC, de l'Internet Watch Foundation et d'INHOPE ; les enquêtes Disrupting Harm et leur ré-analyse dans une revue scientifique ; la méta-analyse de Childlight ; l'enquête du Global Threat Assessment de WeProtect ; les chiffres de police d'Angleterre et du pays de Galles obtenus par la NSPCC ; et les enquêtes de Protect Children.
methods-sources-2 = Chaque jeu de données cite ses sources avec la page ou le tableau d'où chaque chiffre a été lu, et chaque ligne de données renvoie à sa source.
methods-verbatim-title = Les chiffres tels que publiés
methods-verbatim-1 = Les nombres sont recopiés tels que la source les a imprimés : ni arrondis, ni remis à l'échelle, ni transformés en taux. Quand une source donne un intervalle d'incertitude, il est conservé à côté du chiffre.
methods-verbatim-2 = Les libellés restent ceux de la source ; quand ces mots sont blessants ou dépassés (par exemple « pédopornographie »), le terme préférable est affiché à côté et le glossaire explique pourquoi.
methods-gaps-title = Les lacunes restent des lacunes
methods-gaps-1 = Un chiffre manquant est une ligne absente, jamais un zéro. Les graphiques, cartes et tableaux montrent les lacunes comme telles, et chaque profil de pays liste les jeux de données qui n'en disent rien.
methods-gaps-2 = Les totaux régionaux ne sont donnés que pour des nombres, comme sommes sur les pays qui déclarent, en précisant combien de pays de la région cela représente. Les pourcentages ne sont jamais moyennés entre pays.
methods-validation-title = Validation
methods-validation-1 = Le paquet de données suit le standard Frictionless Data. Le chargement vérifie chaque fichier, ligne et champ — codes, périodes, unités, intervalles, sources, mises en garde — et refuse tout le paquet à la moindre erreur : le serveur n'en sert jamais une partie.
methods-validation-2 = Les noms de lieux et les régions viennent de listes de référence tenues à jour (ISO 3166 et M49 de l'ONU), générées par un script versionné plutôt que saisies à la main.
methods-caveats-title = Le modèle des mises en garde
methods-caveats-1 = Chaque jeu de données porte au moins une mise en garde de chaque sorte — couverture (qui et où l'on compte), biais connus, définition (ce qu'est une unité) et comparabilité — et peut ajouter des notes de méthode. Un jeu de données qui en manque est refusé.
methods-caveats-2 = Les mises en garde sont placées à côté de chaque graphique et accompagnent chaque export et chaque intégration. La comparabilité déclarée indique quels jeux de données peuvent ou non être lus ensemble, et pourquoi.
methods-tones-title = Deux formulations
methods-tones-1 = Chaque mise en garde et chaque définition est écrite deux fois : en mots simples pour le public, les enfants et la société civile, sans langage culpabilisant ; et en termes techniques pour les chercheurs et les professionnels de la justice.
methods-tones-2 = Le choix de formulation les change partout ; il reste dans l'adresse de la page, si bien qu'un lien partagé le conserve.
methods-publishers-title = Éditeurs et leurs jeux de données
methods-publishers = Qui a publié les chiffres utilisés ici.
page-permalink = Lien permanent :
not-found-links = Cherchez parmi
all-places = tous les lieux (couverture)
all-datasets-lower = tous les jeux de données
whole-place-figure = Un chiffre pour { $place } dans son ensemble, tel que la source le publie : ce jeu de données porte par nature sur ce niveau ({ $level }), ce n'est pas une somme de pays.
top-series = Les { $n } plus grandes des { $total } séries, par chiffre le plus récent.
all-series-on-chart = Les { $n } séries sur le graphique
unassigned-explained = { $sum } est la somme des { $n } pays que cette source nomme pour { $period }. La source compte aussi { $unassigned } sous « { $unassigned_label } » ; avec eux, le total est de { $total }.
same-as-total = C'est le chiffre que donne « { $dataset } » pour { $period }.
total-differs = « { $dataset } » donne { $total } pour { $period } : les deux sont comptés différemment (voir les notes de ce jeu de données).
totals-meet = Pour { $period }, les deux se rejoignent exactement : { $countries } pour les pays plus { $unassigned } sans pays font { $sum }, le chiffre que donne « { $dataset } ».
coverage-summary-countries =
    { $n ->
        [one] { $region } : { $n } pays ou territoire, dont { $with_figures } avec au moins un chiffre qui lui est propre.
       *[other] { $region } : { $n } pays et territoires, dont { $with_figures } avec au moins un chiffre qui leur est propre.
    }
coverage-definitions-title = Comment les lieux sont comptés
coverage-definitions = Les mêmes comptes servent ici et sur chaque profil de lieu. Un pays est l'un des { $n } pays et territoires de l'ISO 3166-1 de la liste de référence du tableau de bord. Un jeu de données couvre un pays quand il publie un chiffre pour ce pays lui-même. Le monde et les régions ne sont pas comptés parmi les lieux couverts : un jeu de données a un chiffre pour l'un d'eux soit parce que la source le publie pour ce lieu dans son ensemble (un total mondial, une enquête regroupée), soit comme somme des pays qu'il couvre, pour les effectifs seulement (les pourcentages ne sont jamais additionnés). Pour une région sans chiffre propre, une case donne combien de ses pays ont des chiffres, par ex. « 239/251 ».
countries-with-figures-short =
    { $n ->
        [one] { $n } de ses { $total } pays a des chiffres
       *[other] { $n } de ses { $total } pays ont des chiffres
    }
grade-mark-label = Provenance de ce chiffre :
not-place-heading = Chiffres codés { $code } qui ne sont pas un chiffre mondial ({ $name })
not-place-note = Ces jeux de données décrivent une population qui n'est pas un lieu (par exemple les signalements traités par un réseau de lignes d'assistance). Ils sont listés ici, sans être comptés parmi les jeux de données couvrant { $place }.
warn-series-break = { $dataset } traverse une rupture de série : à partir de { $period }, ses chiffres sont comptés autrement ({ $reason }). Ses années avant et après { $period } forment deux séries, pas une tendance.
filter-sector = Secteur de l'éditeur
filter-origin = Origine des chiffres
filter-breakdown = Ventilé par
filter-any = Tous
filter-apply = Afficher les jeux de données
filter-no-match = Aucun jeu de données ne correspond à ces choix.
card-sector-origin = Secteur : { $sector } · Origine : { $origin }
rows-count =
    { $n ->
        [one] ({ $n } ligne)
       *[other] ({ $n } lignes)
    }
## Un `{ $place }` après « pour » est le lieu tel qu'une phrase le nomme :
## evidence::words::place_for (« le Kenya », « les Philippines »).
no-dataset-covers-place = Aucun jeu de données ici n'a de chiffres pour { $place }. C'est une lacune des données, pas le signe qu'il ne se passe rien.
datasets-with-figures-for = Jeux de données avec des chiffres pour { $place } ({ $n })
datasets-without-figures-for = Jeux de données sans chiffres pour { $place } ({ $n })
## ---- fin des pages de l'application ----

# --- charts: applicable kinds (issue 13) ---
# Un lien demande un type de graphique qui ne s'applique pas aux chiffres : pourquoi, puis ce qui est dessiné à la place.
chart-map-no-countries = Une carte n'est pas disponible pour ce jeu de données : il ne donne aucun chiffre par pays.
chart-line-one-period = Un graphique en courbes n'est pas disponible pour ces chiffres : ils portent sur une seule période ({ $period }).
chart-shown-as-line = Présenté en graphique en courbes.
chart-shown-as-bar = Présenté en graphique en barres.
chart-shown-as-table = Présenté en tableau.
# Le sélecteur de type de graphique : un type qui ne s'applique pas, et pourquoi (court).
chart-kind-map-unavailable = Pas de carte : ce jeu de données ne donne aucun chiffre par pays.
chart-kind-line-unavailable = Pas de courbe : ce jeu de données ne porte que sur une seule période.
# La période que montre une carte (ou un graphique en barres), au-dessus de l'image.
chart-period-shown = Chiffres de { $period }
# Un graphique en courbes où certaines courbes sont trop petites pour être vues à côté de la plus grande.
chart-scale-too-small = Trop petits pour être visibles à cette échelle (sous { $limit }) : { $names }. Le tableau donne chaque chiffre.

# --- chart page: a link naming a place that does not exist (issue 13) ---
unknown-place-code = geo : « { $code } » n'est pas un code de lieu ; il a été ignoré

# --- l'en-tête d'une page : sa description et son aperçu de lien (server/src/site.rs) ---
# Les titres des pages sont les mots de la navigation (nav-datasets, …), le
# nom du site est site-short-name.
meta-site-description = Des chiffres publiés et cités sur l'exploitation et les abus sexuels des enfants en ligne, chacun avec ce qu'il représente et ne représente pas.
meta-datasets-description = Tous les jeux de données du tableau de bord, avec leur éditeur, leur méthode, leurs lieux et leurs années.
meta-coverage-description = Quel jeu de données a des chiffres pour quel lieu et quelle année, et où il n'y en a pas.
meta-compare-description = Deux jeux de données côte à côte, avec ce qui les rend comparables ou non.
meta-glossary-description = Les termes du tableau de bord, en mots simples et en mots techniques, et les termes à éviter.
meta-methods-description = D'où viennent les chiffres, comment ils sont vérifiés, et comment les lacunes et les mises en garde sont montrées.
meta-place-description = Chaque jeu de données qui a des chiffres pour { $place }, avec ses mises en garde, et chaque jeu de données qui n'en a pas.
# L'aperçu d'un lien vers un graphique dont le lien porte son propre titre (title=).
meta-shared-title = Titre ajouté par la personne qui a partagé ce lien :
# Le texte de remplacement de l'image d'un graphique dans un aperçu de lien.
meta-chart-image-alt = Graphique : { $name }

## The data model's names: a publisher's sector, how figures arise, the
## groups figures may be split by, and a figure's grade (short, for tables).
sector-government = Administration publique
sector-industry = Entreprises
sector-ngo = Organisation non gouvernementale
sector-academia = Recherche universitaire
sector-intergovernmental = Organisation intergouvernementale
origin-company-reports = Signalements des entreprises en ligne
origin-hotline-reports = Signalements aux lignes d'assistance
origin-analyst-assessment = Contenus évalués par des analystes
origin-household-survey = Enquête auprès des ménages
origin-online-survey = Enquête en ligne
origin-police-records = Données enregistrées par la police
origin-offender-survey = Enquête auprès d'auteurs d'infractions
origin-meta-analysis = Méta-analyse d'études publiées
breakdown-sex = sexe
breakdown-age-band = tranche d'âge
breakdown-disability = handicap
breakdown-ethnicity-race = origine ethnique ou raciale
breakdown-urban-rural = milieu urbain ou rural
breakdown-migrant-status = statut migratoire
grade-secondary = source secondaire
grade-computed = calculé

## Notes beside a chart's caveats: grades, breaks, selections, groups not charted.
break-from = Rupture de série à partir de { $period }
not-broken-down-by = Pas de ventilation par
# Joins the last group to the others: "by sex, age group, … or migrant status".
not-broken-down-or = ni par
grade-note-secondary-plain = Marques creuses : chiffres trouvés seulement dans une copie ou un compte rendu par un tiers ({ $who }). Ils n'ont pas encore été vérifiés dans la publication de { $publisher } elle-même.
grade-note-secondary-technical = Marques creuses : niveau « secondaire » : transcription ou compte rendu par un tiers ({ $who }), contrôlé seulement pour sa cohérence interne ; pas encore vérifié dans la publication primaire ({ $publisher }).
grade-note-computed-plain = Marques creuses en pointillé : chiffres que nous avons calculés à partir de chiffres publiés, non imprimés par la source ({ $how }).
grade-note-computed-technical = Marques creuses en pointillé : niveau « calculé » : calcul des curateurs sur des chiffres publiés ({ $how }).
population-scope-lead = Ce que décrivent les chiffres :
selection-note-plain = Ce ne sont que quelques noms du tableau complet : ne les additionnez pas et ne les lisez pas comme un classement.
selection-note-technical = Une sélection du tableau publié, non le tableau entier : ni somme ni rang calculés sur elle ne sont des totaux ou des classements complets.
