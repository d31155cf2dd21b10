//! Embeds every deck in `decks/` into the binary, so the app runs from any folder.

use std::{env, fs, path::Path};

fn main() {
    // The package's folder as cargo gives it to this run, not as it was when this script was
    // compiled (`env!`): a script compiled for another checkout sharing the target folder
    // would read that checkout's decks, or none once it is gone.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("decks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let read = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the built-in decks in {}: {e}", dir.display()));
    let mut files: Vec<_> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert!(!files.is_empty(), "no built-in deck in {}", dir.display());
    files.sort();
    let mut out = String::from(
        "/// The built-in decks: (file name, RON text).\npub const BUILTIN_DECKS: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap_or_default().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_decks.rs");
    fs::write(dest, out).expect("write builtin_decks.rs");
}
