//! The heart of the CSEA evidence dashboard: the data model, loading and
//! validation of the curated data package, caveats, chart state, regional
//! aggregates and chart rendering to SVG. Compiles natively and to wasm32;
//! no web or server dependencies.

pub mod aggregate;
pub mod api;
pub mod diff;
pub mod ecosystem;
pub mod embed;
pub mod chart;
pub mod cite;
pub mod export_csv;
pub mod model;
pub mod package;
pub mod period;
pub mod sheet;
pub mod state;
pub mod validate;
pub mod words;

pub use model::*;
pub use package::{Package, load, load_dir};
pub use period::Period;
pub use state::{ChartKind, ChartState};
