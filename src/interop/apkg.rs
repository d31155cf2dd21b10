//! Opening an Anki package (`.apkg`, `.colpkg`): a zip archive whose `meta` file says which
//! collection it holds (`collection.anki21b`, zstd-compressed, for version 3; else
//! `collection.anki21` or the legacy `collection.anki2`, which newer packages also carry as a
//! stub asking to update Anki), and a `media` file listing the images and sounds (not
//! imported). The collection is written to a temporary file and opened with
//! [`crate::store::anki::AnkiCollection`]. As Anki does: rslib/src/import_export/package/.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use prost::Message;
use zip::ZipArchive;

use super::InteropError;
use super::anki_proto::{
    MediaEntries, PackageMetadata, VERSION_LATEST, VERSION_LEGACY_1, VERSION_LEGACY_2,
};
use crate::store::anki::{AnkiCollection, MAX_SCHEMA, MIN_SCHEMA};

/// An opened package: its collection (in a temporary file, removed when this is dropped).
pub struct Package {
    pub collection: AnkiCollection,
    /// Which collection file it held.
    pub collection_name: &'static str,
    /// The media files it lists.
    pub media_files: usize,
    _file: tempfile::TempPath,
}

/// Opens a package; a file that is not one, or was written by a newer Anki, is refused.
pub fn open(path: &Path) -> Result<Package, InteropError> {
    let file_name = path.display().to_string();
    let not = |why: String| InteropError::NotAPackage {
        file: file_name.clone(),
        why,
    };
    let file = File::open(path)?;
    let mut zip =
        ZipArchive::new(file).map_err(|e| not(format!("it is not a zip archive ({e})")))?;
    let version = match read_entry(&mut zip, "meta") {
        Some(bytes) => {
            PackageMetadata::decode(bytes.as_slice())
                .map_err(|e| not(format!("its meta file cannot be read ({e})")))?
                .version
        }
        None if zip.by_name("collection.anki21").is_ok() => VERSION_LEGACY_2,
        None => VERSION_LEGACY_1,
    };
    let name = match version {
        VERSION_LATEST => "collection.anki21b",
        VERSION_LEGACY_2 => "collection.anki21",
        VERSION_LEGACY_1 => "collection.anki2",
        _ => {
            return Err(InteropError::TooNew {
                file: file_name,
                what: format!("package version {version}"),
            });
        }
    };
    let mut entry = zip.by_name(name).map_err(|_| {
        not("it holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2)".into())
    })?;
    let mut temp = tempfile::NamedTempFile::new()?;
    if version == VERSION_LATEST {
        zstd::stream::copy_decode(&mut entry, temp.as_file_mut())
            .map_err(|e| not(format!("its {name} is not zstd-compressed data ({e})")))?;
    } else {
        std::io::copy(&mut entry, temp.as_file_mut())?;
    }
    drop(entry);
    let temp = temp.into_temp_path();
    let collection = AnkiCollection::open(&temp)
        .map_err(|e| not(format!("its {name} is not an Anki collection ({e})")))?;
    let schema = collection.schema();
    if schema > MAX_SCHEMA {
        return Err(InteropError::TooNew {
            file: file_name,
            what: format!("collection schema {schema}; factquiz reads up to {MAX_SCHEMA}"),
        });
    }
    if schema < MIN_SCHEMA {
        return Err(not(format!(
            "its collection has schema {schema}, older than any Anki 2 writes"
        )));
    }
    let media_files = media_count(&mut zip, version == VERSION_LATEST);
    Ok(Package {
        collection,
        collection_name: name,
        media_files,
        _file: temp,
    })
}

/// A whole entry of the archive, if it has one by that name.
fn read_entry(zip: &mut ZipArchive<File>, name: &str) -> Option<Vec<u8>> {
    let mut entry = zip.by_name(name).ok()?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The number of media files the package lists (zstd protobuf in version 3, a JSON map
/// before); 0 when the list cannot be read, which only the preview shows.
fn media_count(zip: &mut ZipArchive<File>, latest: bool) -> usize {
    let Some(bytes) = read_entry(zip, "media") else {
        return 0;
    };
    if latest {
        zstd::decode_all(bytes.as_slice())
            .ok()
            .and_then(|b| MediaEntries::decode(b.as_slice()).ok())
            .map_or(0, |m| m.entries.len())
    } else {
        serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes)
            .map_or(0, |m| m.len())
    }
}
