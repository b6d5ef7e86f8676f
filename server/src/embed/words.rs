//! The few words of the embed page in English and French. One exhaustive
//! match per language, so a missing translation does not compile.

use evidence::model::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    BadParams,
    NoFiguresFor,
    ShownAsGap,
    Notes,
    Source,
    SourceLink,
    OpenFullChart,
    StaticImage,
    WithCaveats,
    ViewTheChart,
    NotFoundTitle,
    NotFoundText,
    AllDatasets,
}

impl Word {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Fr => self.fr(),
        }
    }

    fn en(self) -> &'static str {
        use Word::*;
        match self {
            BadParams => "Some settings in this link were not understood and were replaced by defaults",
            NoFiguresFor => "No figures for",
            ShownAsGap => "shown as a gap, not a zero",
            Notes => "Notes",
            Source => "Source",
            SourceLink => "source",
            OpenFullChart => "Full chart, data and sources",
            StaticImage => "Static image of this chart, with its caveats",
            WithCaveats => "with caveats",
            ViewTheChart => "View the chart",
            NotFoundTitle => "No chart here",
            NotFoundText => "This link does not name a dataset of the dashboard. It may be mistyped, or the dataset was renamed.",
            AllDatasets => "See all datasets",
        }
    }

    fn fr(self) -> &'static str {
        use Word::*;
        match self {
            BadParams => "Certains réglages de ce lien n'ont pas été compris et ont été remplacés par les valeurs par défaut",
            NoFiguresFor => "Aucun chiffre pour",
            ShownAsGap => "montré comme un vide, pas comme un zéro",
            Notes => "Notes",
            Source => "Source",
            SourceLink => "source",
            OpenFullChart => "Graphique complet, données et sources",
            StaticImage => "Image fixe de ce graphique, avec ses mises en garde",
            WithCaveats => "avec ses mises en garde",
            ViewTheChart => "Voir le graphique",
            NotFoundTitle => "Aucun graphique ici",
            NotFoundText => "Ce lien ne désigne aucun jeu de données du tableau de bord. Il est peut-être mal saisi, ou le jeu de données a été renommé.",
            AllDatasets => "Voir tous les jeux de données",
        }
    }
}
