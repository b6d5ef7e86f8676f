pub mod covered_dataset;
pub mod not_covered_list;
pub mod sparkline;
