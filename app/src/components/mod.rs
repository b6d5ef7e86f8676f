pub mod caveat_panel;
pub mod chart_view;
pub mod load_error;
pub mod site_header;
