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
# On a phone the site's links are behind this (a disclosure: it opens and closes them).
nav-menu = Menu

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
# Provenance: what the publisher gives by group and the series here are not
# split by (data package `source_breakdowns`), and an origin known only from
# a secondary source (`origin_source`).
list-and = and
source-also-publishes = The source also publishes figures by { $groups }; not charted here.
source-breakdowns-technical = The publisher also gives figures by { $groups }, by which the series here are not split: { $details }.
source-breakdowns-second-hand = (Known from a second-hand account.)
secondary-source = secondary source
origin-second-hand = How the figures arise ("{ $origin }") is known only from a second-hand account: { $who }.
origin-marked-secondary = { $origin } (per a secondary source)

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
release-pinned-same = This view's figures are the same in the current release.
release-pinned-changed = This view's figures have changed since.
release-unknown = This link asks for a data release this server does not hold, so the current data is shown.

## ---- App pages (app/src/i18n.rs maps its `Msg` names to these keys; owner: the words catalogue) ----
## Every word of the app's pages that the chart sheet above does not already say.
## A placeholder is named for what it holds; a count chooses its plural form.
site-short-name = CSEA Evidence Dashboard
skip-to-content = Skip to content
nav-home = Home
footer-text = Aggregate figures only, from published sources, each cited. No cookies, no tracking.
loading = Loading…
retry = Retry
err-network = The server could not be reached. Check your connection and try again.
err-decode = The server sent data this page cannot read. Reloading the page may help.
load-failed = This could not be loaded
home-title = Evidence on online child sexual exploitation and abuse, with what each number does and does not show
home-intro = Curated figures from published sources — hotlines, NCMEC's CyberTipline, household surveys, meta-analyses — each shown with its coverage, known biases, definition and comparability warnings.
headline-figures = Headline figures, with their caveats
headline-latest = { $name }, { $period }
headline-across-places = { $name }: from { $from_place } to { $to_place }, across { $n } countries ({ $series }). Each country's own figure; not an average.
headline-across-series = { $name }: from { $from_series } to { $to_series }, across { $n } forms of abuse, studies published { $period }.
caveat = Caveat:
open-chart-and-caveats = Open the chart and all its caveats
how-to-read = How to read these numbers
how-to-read-1 = Reports to hotlines and platforms measure how hard services look as much as how much abuse there is. A rise in reports is not, by itself, a rise in abuse.
how-to-read-2 = Surveys cover only the children they reached, in the years they asked. Many children never tell anyone, so true numbers are likely higher.
how-to-read-3 = A gap in the data is not a zero. Where a source says nothing about a country, this site says so, and never fills the gap.
how-to-read-4 = Numbers from different sources count different things. Compare them only where the comparison page says it is safe.
read-methods = How the data was curated
find-evidence = Find the evidence
by-country = By country
by-region = By region
by-dataset = By dataset
by-theme = By theme
choose-country = Country
open-profile = Open profile
country-hint = Every country has a profile, including those no dataset covers: a gap is worth knowing.
all-n-datasets =
    { $n ->
        [one] { $n } dataset
       *[other] All { $n } datasets
    }
coverage-matrix = Where evidence exists, and where not
compare-two = Compare two datasets
page-all-datasets = All datasets
datasets-intro = Each dataset is one published series of figures, with its source, coverage and caveats.
themes = Themes
all-themes = All themes
theme-reports = Reports to platforms, hotlines and police
theme-surveys = Surveys of children and young people
theme-pooled = Estimates pooled from many studies
theme-offenders = Surveys of people seeking abuse material
places-with-figures-count =
    { $n ->
        [one] { $n } place with figures
       *[other] { $n } places with figures
    }
years = Years
all-caveats =
    { $n ->
        [one] { $n } caveat, with the full chart
       *[other] All { $n } caveats, with the full chart
    }
terms-used = Terms used (glossary)
compare-with-another = Compare with another dataset
see-coverage = Where this dataset has figures
chart-settings = Chart settings
chart-kind = Chart
line = Line
bar = Bar
map = Map
table = Table
tone = Wording
plain = Plain
technical = Technical
language = Language
place = Place
whole-region = { $place } (all of it)
latest = Latest
interval-text = interval { $lower } to { $upper }
not-found = Page not found
page-not-found-text = There is no page at this address.
page-bad-params = Some settings in the address were not understood and were replaced by defaults
first-year = first year
last-year = last year
geographies = Places
all-default = largest values (default)
series = Series
all-series = all series
region-sum = { $place } (sum of its countries)
choose = Choose…
done-choosing = Close the list
search-names = Search by name
matches =
    { $n ->
       *[other] { $n } matching
    }
clear-choice = Clear the choice
country-in = Country in { $region }
region-of-countries =
    { $n ->
        [one] { $kind }: { $n } country or territory
       *[other] { $kind }: { $n } countries and territories
    }
n-with-figures =
    { $n ->
        [one] { $n } dataset with figures
       *[other] { $n } datasets with figures
    }
n-without-figures =
    { $n ->
        [one] { $n } dataset without figures
       *[other] { $n } datasets without figures
    }
datasets-with-figures = Datasets with figures for { $place } ({ $n })
datasets-without-figures = Datasets without figures for { $place } ({ $n })
no-dataset-covers = No dataset here has figures for { $place }. That is a gap in the evidence, not a sign that nothing happens.
gap-not-zero = A gap is not a zero: these sources say nothing about this place, either because they cover other places or because they publish no breakdown by country.
covers-only = Covers: { $scope }
sum-over-countries =
    { $n ->
        [one] Figure of the { $n } country with a figure, out of the region's { $total }.
       *[other] Sum of the { $n } countries with a figure, out of the region's { $total }.
    }
countries-with-figures = Figures for { $n } of the { $total } countries of the region.
never-averaged = Percentages are shown country by country; they are never averaged into a regional figure.
places-in-region = Places in { $region }
trend-text = { $first } ({ $first_period }) to { $last } ({ $last_period })
all-figures = All figures
compare-title = Compare two datasets
compare-intro = Two datasets side by side for the same places, each with its caveats. Read the warnings first: many pairs count different things and must not be compared.
compare-settings = Datasets to compare
first-dataset = First dataset
second-dataset = Second dataset
choose-dataset = Choose a dataset
try-a-pair = Try a pair
versus-pair = { $a } — and — { $b }
places-in-both = Places with figures in both: { $places }.
no-place-in-both = No place has figures in both datasets: each chart shows its own places.
places-in-both-default = places in both (default)
before-you-compare = Before you compare
no-warnings = No difference in unit, method, population or years was found, and the curators declared nothing. Still read each caveat panel.
do-not-compare = Not comparable:
compare-with-care = With care:
declared-comparable = Comparable:
warn-same = Both sides are the same dataset; choose another one for one side.
warn-declared = { $reason } (stated in the data package)
warn-unit = different units: “{ $a }” is in { $unit_a }, “{ $b }” in { $unit_b }. They cannot share a scale, and one cannot be turned into the other.
warn-reports-estimates = “{ $reports }” counts reports or records ({ $method_reports }); “{ $estimates }” estimates how common an experience is ({ $method_estimates }). A number of reports is not a number of children, and more reports do not mean more abuse.
warn-method = different methods: { $method_a } against { $method_b }. The figures can differ for that reason alone.
warn-population = different people are counted. “{ $a }”: { $population_a } — “{ $b }”: { $population_b }
warn-no-common-years = no year in common: “{ $a }” covers { $years_a }, “{ $b }” covers { $years_b }. A difference between them may be a change over time, or nothing at all.
warn-different-years = different years: “{ $a }” covers { $years_a }, “{ $b }” covers { $years_b }. Compare figures of the same period only.
unit-count = counts
unit-percent = percentages
unit-rate = rates
unit-score = scores
method-administrative = administrative records
method-provider-reports = reports from companies
method-hotline-reports = hotline reports
method-household-survey = household survey
method-online-survey = online survey
method-meta-analysis = meta-analysis of many studies
method-police-recorded = police-recorded crime
method-self-selected-survey = self-selected survey
kind-world = World
kind-region = Region
kind-subregion = Sub-region
kind-country = Country
kind-subnational = Part of a country
kind-special = Special code
coverage-title = Where evidence exists, and where not
coverage-intro = Which dataset has figures for which place, and for which years. A dash is a gap: the source says nothing about that place, which is not the same as zero.
filter-places = Filter the places
region = Region
only-with-figures = Only places with at least one figure
legend-has = years with figures
legend-gap = no figures (a gap, not a zero)
coverage-summary =
    { $n ->
        [one] { $region }: { $n } place, { $with_figures } with at least one figure.
       *[other] { $region }: { $n } places, { $with_figures } with at least one figure.
    }
coverage-caption = Years with figures, by place and dataset — { $region }
no-figures = no figures
glossary-intro = The words used on this site, after the Luxembourg Guidelines (2016), in plain and in technical words, with the terms to avoid and why.
term-index = Terms
in-plain-words = In plain words
technically = Technically
terms-to-avoid = Terms to avoid
datasets-using-term = Datasets using this term
reference = Reference:
methods-title = How the data was curated
methods-intro = What is on this site, where it comes from, and the rules followed so that a figure is never shown without what it does and does not mean.
on-this-page = On this page
methods-sources-1 = Every figure comes from a published source: the data releases of NCMEC's CyberTipline, the Internet Watch Foundation and INHOPE; the Disrupting Harm surveys and a journal re-analysis of them; the Childlight meta-analysis; the WeProtect Global Threat Assessment survey; police figures for England and Wales obtained by the NSPCC; and surveys by Protect Children.
methods-sources-2 = Each dataset names its sources with the page or table each figure was read from, and every row of data points to its source.
methods-verbatim-title = Figures as published
methods-verbatim-1 = Numbers are copied as the source printed them: not rounded, not rescaled, not turned into rates. Where a source gives an uncertainty interval, it is kept beside the figure.
methods-verbatim-2 = Labels stay in the source's words; where those words are harmful or outdated (for example “child pornography”), the preferred term is shown beside them and the glossary explains why.
methods-gaps-title = Gaps stay gaps
methods-gaps-1 = A missing figure is a missing row, never a zero. Charts, maps and tables show gaps as gaps, and every country profile lists the datasets that say nothing about it.
methods-gaps-2 = Regional totals are given only for counts, as sums over the countries that report, with how many of the region's countries that is. Percentages are never averaged across countries.
methods-validation-title = Validation
methods-validation-1 = The data package follows the Frictionless Data standard. Loading checks every file, row and field — codes, periods, units, intervals, sources, caveats — and refuses the whole package on any error: the server never serves part of it.
methods-validation-2 = Geography names and regions come from maintained reference lists (ISO 3166 and UN M49), generated by a committed script rather than typed by hand.
methods-caveats-title = The caveat model
methods-caveats-1 = Every dataset carries at least one caveat of each kind — coverage (who and where is counted), known biases, definition (what one unit is) and comparability — and may add notes on method. A dataset without them is refused.
methods-caveats-2 = The caveats sit beside every chart and travel with every export and embed. Declared comparability says which datasets may and may not be read together, and why.
methods-tones-title = Two wordings
methods-tones-1 = Each caveat and definition is written twice: in plain words for the public, children and civil society, without blaming language; and in technical words for researchers and justice professionals.
methods-tones-2 = The wording switch changes them everywhere; your choice stays in the page address, so a shared link keeps it.
methods-publishers-title = Publishers and their datasets
methods-publishers = Who published the figures used here.
page-permalink = Permalink:
not-found-links = Find what you were looking for among
all-places = all places (coverage)
all-datasets-lower = all datasets
whole-place-figure = A figure for { $place } as a whole, as the source publishes it: this dataset is { $level }-level by nature, not a sum over countries.
top-series = The { $n } largest of { $total } series, by latest figure.
all-series-on-chart = All { $n } series on the chart
unassigned-explained = { $sum } is the sum over the { $n } countries this source names for { $period }. The source also counts { $unassigned } under “{ $unassigned_label }”; with them the total is { $total }.
same-as-total = This is the figure “{ $dataset }” gives for { $period }.
total-differs = “{ $dataset }” gives { $total } for { $period }: the two are counted differently (see that dataset's notes).
totals-meet = For { $period } the two meet exactly: { $countries } over the countries plus { $unassigned } with no country make { $sum }, the figure “{ $dataset }” gives.
coverage-summary-countries =
    { $n ->
        [one] { $region }: { $n } country or territory, { $with_figures } with at least one figure of its own.
       *[other] { $region }: { $n } countries and territories, { $with_figures } with at least one figure of their own.
    }
coverage-definitions-title = How places are counted
coverage-definitions = The same counts are used here and on every place profile. A country is one of the { $n } countries and territories of ISO 3166-1 in the dashboard's reference list. A dataset covers a country when it publishes a figure for that country itself. The world and regions are not counted among the places covered: a dataset has a figure for one of them either because the source publishes it for that place as a whole (a world total, a pooled survey), or as a sum over the countries it covers, for counts only (percentages are never summed). For a region without a figure of its own, a cell gives how many of its countries have figures, e.g. “239/251”.
countries-with-figures-short =
    { $n ->
        [one] { $n } of its { $total } countries has figures
       *[other] { $n } of its { $total } countries have figures
    }
grade-mark-label = Provenance of this figure:
not-place-heading = Figures coded { $code } that are not a world figure ({ $name })
not-place-note = These datasets describe a population that is not a place (for example the reports handled by a network of hotlines). They are listed here, not counted among the datasets covering { $place }.
warn-series-break = { $dataset } spans a break in its series: from { $period } its figures are counted differently ({ $reason }). Its years before and after { $period } are two series, not one trend.
filter-sector = Publisher's sector
filter-origin = How the figures arise
filter-breakdown = Broken down by
filter-any = Any
filter-apply = Show datasets
filter-no-match = No dataset matches these choices.
card-sector-origin = Sector: { $sector } · Origin: { $origin }
rows-count =
    { $n ->
        [one] ({ $n } row)
       *[other] ({ $n } rows)
    }
## A `{ $place }` after "for" / "pour" is the place as a sentence names it:
## evidence::words::place_for ("le Kenya", "les Philippines" in French).
no-dataset-covers-place = No dataset here has figures for { $place }. That is a gap in the evidence, not a sign that nothing happens.
datasets-with-figures-for = Datasets with figures for { $place } ({ $n })
datasets-without-figures-for = Datasets without figures for { $place } ({ $n })
## ---- end of the app pages ----

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

# --- chart page: a link naming a place that does not exist (issue 13) ---
unknown-place-code = geo: “{ $code }” is not a place code; it was left out

# --- a page's head: its description and link preview (server/src/site.rs) ---
# The page titles are the navigation's words (nav-datasets, …), the site's
# name is site-short-name.
meta-site-description = Curated, cited figures on online child sexual exploitation and abuse, each shown with what it does and does not represent.
meta-datasets-description = Every dataset on the dashboard, with its publisher, method, places and years.
meta-coverage-description = Which dataset has figures for which place and year, and where there are none.
meta-compare-description = Two datasets side by side, with what makes them comparable or not.
meta-glossary-description = The terms used on the dashboard, in plain and in technical words, and the terms to avoid.
meta-methods-description = Where the figures come from, how they are checked, and how gaps and caveats are shown.
meta-place-description = Every dataset with figures for { $place }, each with its caveats, and every dataset without.
# A link preview of a chart whose link carries its own title (title=).
meta-shared-title = Title added by whoever shared this link:
# The text alternative of a chart's picture in a link preview.
meta-chart-image-alt = Chart: { $name }

## The data model's names: a publisher's sector, how figures arise, the
## groups figures may be split by, and a figure's grade (short, for tables).
sector-government = Government
sector-industry = Industry
sector-ngo = Non-governmental organisation
sector-academia = Academia
sector-intergovernmental = Intergovernmental organisation
origin-company-reports = Reports from online companies
origin-hotline-reports = Reports to hotlines
origin-analyst-assessment = Content assessed by analysts
origin-household-survey = Household survey
origin-online-survey = Online survey
origin-police-records = Police records
origin-offender-survey = Survey of offenders
origin-meta-analysis = Meta-analysis of published studies
breakdown-sex = sex
breakdown-age-band = age group
breakdown-disability = disability
breakdown-ethnicity-race = ethnicity or race
breakdown-urban-rural = urban or rural area
breakdown-migrant-status = migrant status
grade-secondary = secondary source
grade-computed = computed

## Notes beside a chart's caveats: grades, breaks, selections, groups not charted.
break-from = Break in the series from { $period }
not-broken-down-by = Not broken down by
# Joins the last group to the others: "by sex, age group, … or migrant status".
not-broken-down-or = or
grade-note-secondary-plain = Hollow marks: figures we found only in a copy or report by someone else ({ $who }). They have not yet been checked against { $publisher }'s own publication.
grade-note-secondary-technical = Hollow marks: grade "secondary": third-party transcription or report ({ $who }), checked for internal consistency only; not yet verified against the primary publication ({ $publisher }).
grade-note-computed-plain = Dashed hollow marks: figures we worked out from published ones, not printed by the source ({ $how }).
grade-note-computed-technical = Dashed hollow marks: grade "computed": curators' arithmetic on published figures ({ $how }).
population-scope-lead = Who the figures describe:
selection-note-plain = These are only some of the names in the full table: do not add them up or read them as a ranking.
selection-note-technical = A selection from the published table, not the whole of it: sums and ranks over it are not totals or complete rankings.
