pub mod language_switch;
pub mod page_skeleton;
pub mod site_footer;
pub mod tone_switch;
