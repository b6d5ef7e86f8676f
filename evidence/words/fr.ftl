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
release-unknown = Ce lien demande une édition des données que ce serveur ne conserve pas : les données actuelles sont affichées.

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
