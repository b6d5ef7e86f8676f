//! The ecosystem map (`/ecosystem`): the server's diagram, the same facts
//! as a list, the flows with no public data, and the sources not charted
//! (the last also on `/methods`).

pub mod diagram;
pub mod flow_gaps;
pub mod node_list;
pub mod uncharted_sources;
