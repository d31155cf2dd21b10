//! Where the user's data lives: `--data-dir`, else `FACTQUIZ_DATA_DIR`, else the platform's
//! data directory (`~/.local/share/factquiz` on Linux).

use std::path::PathBuf;

/// The environment variable that overrides the data directory.
pub const ENV_VAR: &str = "FACTQUIZ_DATA_DIR";

/// The data directory: the flag's value, the environment variable, or the platform default.
pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "factquiz")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| {
            format!("no home directory was found: give one with --data-dir DIR or {ENV_VAR}")
        })
}

/// The folder of the user's own decks inside a data directory.
pub fn user_decks(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("decks")
}
