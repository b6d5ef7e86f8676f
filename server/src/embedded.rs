//! The curated data package, embedded in the binary at build time, so one
//! file runs the whole product.

use include_dir::{Dir, include_dir};

use evidence::package::FileSource;

static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../data");

pub struct DataFiles;

impl FileSource for DataFiles {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        DATA.get_file(path).map(|f| f.contents().to_vec())
    }
}
