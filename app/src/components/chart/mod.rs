pub mod chart_controls;
pub mod chart_kind_switch;
pub mod chart_page_skeleton;
pub mod data_table;
pub mod multi_select;
pub mod period_select;
pub mod year_range;
