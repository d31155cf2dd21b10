//! The few of Anki's protobuf messages an import reads, declared as Anki declares them
//! (ankitects/anki `proto/anki/import_export.proto` and `notetypes.proto`) and decoded by
//! `prost`; fields not declared here are skipped, as protobuf allows. Tests encode them to
//! build packages.

/// `PackageMetadata`, the `meta` file of a package: 1 and 2 are legacy packages, 3 holds
/// `collection.anki21b` (zstd); anything else was written by a newer Anki.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PackageMetadata {
    #[prost(int32, tag = "1")]
    pub version: i32,
}

/// The package versions: the collection file each holds.
pub const VERSION_LEGACY_1: i32 = 1;
pub const VERSION_LEGACY_2: i32 = 2;
pub const VERSION_LATEST: i32 = 3;

/// `Notetype.Config`: its kind, 0 normal, 1 cloze.
#[derive(Clone, PartialEq, prost::Message)]
pub struct NotetypeConfig {
    #[prost(int32, tag = "1")]
    pub kind: i32,
}

pub const KIND_CLOZE: i32 = 1;

/// `Notetype.Template.Config`: the template's front and back formats.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TemplateConfig {
    #[prost(string, tag = "1")]
    pub q_format: String,
    #[prost(string, tag = "2")]
    pub a_format: String,
}

/// `MediaEntries`, the zstd-compressed `media` file of a version 3 package.
#[derive(Clone, PartialEq, prost::Message)]
pub struct MediaEntries {
    #[prost(message, repeated, tag = "1")]
    pub entries: Vec<MediaEntry>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct MediaEntry {
    #[prost(string, tag = "1")]
    pub name: String,
    #[prost(uint32, tag = "2")]
    pub size: u32,
}
