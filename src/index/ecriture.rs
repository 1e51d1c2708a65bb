//! Durable writes: fsync of files and directories, atomic replacement of a small file.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use super::{IndexError, io};

/// fsyncs every file under `dir` (recursively), then each directory.
pub fn synchroniser(dir: &Path) -> Result<(), IndexError> {
    for entree in std::fs::read_dir(dir).map_err(io(dir))? {
        let entree = entree.map_err(io(dir))?;
        let chemin = entree.path();
        if entree.file_type().map_err(io(&chemin))?.is_dir() {
            synchroniser(&chemin)?;
        } else {
            File::open(&chemin)
                .and_then(|f| f.sync_all())
                .map_err(io(&chemin))?;
        }
    }
    synchroniser_repertoire(dir)
}

/// fsyncs the directory entry list of `dir` (makes renames and creations in it durable).
pub fn synchroniser_repertoire(dir: &Path) -> Result<(), IndexError> {
    File::open(dir).and_then(|f| f.sync_all()).map_err(io(dir))
}

/// Replaces `chemin` with `contenu` atomically: temporary file beside it, fsync, rename, fsync of
/// the directory. Readers see the old or the new content, never a mix.
pub fn remplacer(chemin: &Path, contenu: &[u8]) -> Result<(), IndexError> {
    let dir = chemin.parent().unwrap_or(Path::new("."));
    let temporaire = dir.join(format!(
        ".{}.{}.tmp",
        chemin
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let mut f = File::create(&temporaire).map_err(io(&temporaire))?;
    f.write_all(contenu)
        .and_then(|()| f.sync_all())
        .map_err(io(&temporaire))?;
    drop(f);
    std::fs::rename(&temporaire, chemin).map_err(io(chemin))?;
    synchroniser_repertoire(dir)
}
