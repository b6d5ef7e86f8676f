pub mod compare_column;
pub mod dataset_select;
pub mod warnings_box;
