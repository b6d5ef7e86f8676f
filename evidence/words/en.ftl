# The words of the dashboard around its charts, in English: the chart
# sheet (every word that travels with a chart), the server's first paint
# and embeds, the exports, and the chart page's download, embed and
# annotation sections.
#
# Format (a small part of Project Fluent, https://projectfluent.org):
#   key = text
#   key = text with a { $placeholder }
# and, for a word that depends on a number, one variant per plural
# category of the language (see evidence/build.rs for the categories):
#   key =
#       { $n ->
#           [one] { $n } report
#          *[other] { $n } reports
#       }
# A translator edits only these files; evidence/build.rs compiles them into
# the program. Every key must be in every language (a test checks).

## Site and navigation (first paint)
site-name = CSEA Evidence Dashboard
nav-main = Main
nav-datasets = Datasets
nav-coverage = Coverage
nav-compare = Compare
nav-glossary = Glossary
nav-methods = Methods

## The chart sheet
caveats-heading = What these figures do and do not show
caveat-coverage = Coverage
caveat-bias = Known biases
caveat-definition = Definition
caveat-comparability = Comparability
caveat-method = Method
what-is-counted = What is counted:
who-is-counted = Who is counted:
source-link = (source)
sources = Sources
source = Source
licence = Reuse:
no-figures-for = No figures for: { $places } — shown as a gap, not a zero.
data-release = Data release { $release }
permalink = Link to this chart
shared-heading = Title and notes added by whoever shared this link
shared-title = Title:
shared-subtitle = Subtitle:
provenance-heading = Where these figures come from
comparability-heading = Other datasets
not-comparable-with = Not comparable with: { $datasets }.
comparable-with-care = Comparable with care: { $datasets }.

## The chart's summary sentence
summary = { $name } for { $places }, { $when }: { $figures }, from { $min } to { $max }.
summary-empty = { $name }: no figures for this selection.
figures-count =
    { $n ->
        [one] { $n } figure
       *[other] { $n } figures
    }
places-count =
    { $n ->
        [one] { $n } place
       *[other] { $n } places
    }
reports-count =
    { $n ->
        [one] { $n } report
       *[other] { $n } reports
    }

## The data table (a table chart in the first paint)
data-table = Data table
table-label = Place or series
table-period = Period
table-value = Value
table-interval = Interval
table-note = Note
table-source = Source

## Embeds
bad-params = Some settings in this link were not understood and were replaced by defaults
open-full-chart = Full chart, data and sources
static-image = Static image of this chart, with its caveats
with-caveats = with caveats
view-the-chart = View the chart
not-found-title = No chart here
not-found-text = This link does not name a dataset of the dashboard. It may be mistyped, or the dataset was renamed.
all-datasets = See all datasets

## Exports
csv-chart-contents = the data shown in the chart
csv-data-contents = every observation of the dataset

## Chart page: download
export-heading = Download
export-intro = Every file carries the title, your notes, the source and what these figures do and do not show.
export-size = Picture size
export-high-resolution = High resolution PNG (2×)
export-png = Picture (PNG)
export-svg = Vector picture (SVG)
export-chart-csv = Data shown (CSV)
export-data-csv = Whole dataset (CSV)
preset-report = Report page (1200 × 800)
preset-slide = Slide, 16:9 (1920 × 1080)
preset-square = Square (1080 × 1080)

## Chart page: embed code
embed-heading = Embed this chart
embed-intro = Paste this code into a web page. The chart travels with its caveats and source, and fits its height to the page.
embed-copy = Copy code
embed-copied = Copied
embed-refused = The browser refused to copy: the code is selected, press Ctrl+C (⌘C on a Mac).
embed-oembed = oEmbed address, for publishing systems that take one:
embed-loading = Preparing the code…

## Chart page: annotations
annot-heading = Annotate this chart
annot-intro = Your title, notes and highlight are part of this page's address and of every download: share the link and the chart comes with them, marked as added by you, and with its caveats.
annot-title = Title
annot-subtitle = Subtitle
annot-notes = Notes
annot-no-notes = No notes yet.
annot-period = Period
annot-place = Place (optional)
annot-whole-chart = The whole chart
annot-note = Note
annot-add-note = Add note
annot-remove = Remove note { $n }
annot-remove-button = Remove
annot-too-many-notes = A chart has at most { $max } notes; remove one to add another.
annot-empty-note = Write the note first.
annot-highlight = Highlight years
annot-from = From
annot-to = To
annot-no-highlight = None
annot-characters =
    { $n ->
        [one] { $n } / { $max } character
       *[other] { $n } / { $max } characters
    }

## Ecosystem page (/ecosystem) and its diagram: who holds the data, how it flows, the sources we cannot chart
eco-title = Who holds the data, and how it flows
eco-intro = Figures on online child sexual exploitation and abuse come from companies, hotlines, surveys, researchers and the police. Each sees a different part, and some parts are not published at all. This page shows where each dataset of this dashboard comes from.
eco-desc = A diagram of who holds data on online child sexual exploitation and abuse (government, industry, non-governmental organisations, academia, intergovernmental bodies), how reports and answers flow between them, and which flows have no public data. The list on this page says the same in words.
eco-diagram-heading = Diagram
eco-list-heading = The same, as a list
eco-lane = Path
eco-sector = Publisher sector
eco-no-sector = People, not a publisher
eco-datasets-here = Datasets from here
eco-no-datasets = No dataset of this dashboard comes from here.
eco-dataset-count =
    { $n ->
        [0] no dataset here
        [one] { $n } dataset here
       *[other] { $n } datasets here
    }
eco-flows-out = Sends to
eco-no-public-data = no public data
eco-legend-dashed = Dashed: no public data
eco-legend-link = Select a box to see its datasets
eco-gaps-heading = Flows with no public data
eco-gaps-intro = These flows exist, but no figures from them are published in a form we could check and chart.
eco-uncharted-heading = Sources we cannot chart
eco-uncharted-intro = These sources were looked at but are not charted. For each: what it offers, why it is not here, and what would change that.
eco-offers = What it offers
eco-why-not = Why it is not charted here
eco-would-change = What would change that
eco-recorded-in = Recorded in
eco-not-recorded = Not in our verified sources
eco-nav = Data ecosystem
eco-meta-description = Who holds data on online child sexual exploitation and abuse, how it flows, which flows have no public data, and the sources this dashboard cannot chart.
eco-loading = Loading the map of the data…

## Chart page: cite this chart, and links pinned to a data release
cite-heading = Cite this chart
cite-intro = A citation of the chart as shown. The original publisher comes first: this dashboard is the curator, not the source.
cite-loading = Preparing the citation…
cite-copy = Copy citation
cite-copied = Copied
cite-refused = The browser refused to copy: the citation is selected, press Ctrl+C (⌘C on a Mac).
cite-download = Download the citation as:
cite-bibtex = BibTeX
cite-ris = RIS
cite-csl-json = CSL-JSON
release-pinned = This chart shows data release { $release }. The current release is { $current }.
release-pinned-link = See the current view
release-unknown = This link asks for a data release this server does not hold, so the current data is shown.

# --- charts: applicable kinds (issue 13) ---
# A link asked for a chart kind that does not apply to the figures: why, then what is drawn instead.
chart-map-no-countries = A map is not available for this dataset: it has no figures by country.
chart-line-one-period = A line chart is not available for these figures: they are for one period only ({ $period }).
chart-shown-as-line = Shown as a line chart.
chart-shown-as-bar = Shown as a bar chart.
chart-shown-as-table = Shown as a table.
# The chart-kind switch: a kind that does not apply, and why (short).
chart-kind-map-unavailable = No map: this dataset has no figures by country.
chart-kind-line-unavailable = No line chart: this dataset has figures for one period only.
# The period a map (or a bar chart) shows, over the picture.
chart-period-shown = Figures for { $period }
# A line chart where some lines are too small to see beside the largest.
chart-scale-too-small = Too small to see at this scale (under { $limit }): { $names }. The table gives every figure.
