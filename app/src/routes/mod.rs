pub mod dataset;
pub mod datasets;
pub mod home;
pub mod not_found;
