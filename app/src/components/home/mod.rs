pub mod entry_points;
pub mod headline_card;
pub mod headline_figures;
