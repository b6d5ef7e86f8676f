pub mod dataset_card;
pub mod dataset_list;
