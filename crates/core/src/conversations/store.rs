//! Conversations on disk: one JSON file per conversation (written atomically, so a crash mid-save
//! leaves the previous version whole) and an index of summaries, so the history list opens without
//! reading every conversation. The index is only a cache: when it is missing, unreadable or disagrees
//! with the files, it is rebuilt from them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{Conversation, ConversationSummary};
use crate::files::write_atomically;

const INDEX: &str = "index.json";

/// Why the history could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no conversation '{0}'")]
    NotFound(String),
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a conversation this version can read: {source}")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// The conversations in one directory.
#[derive(Debug, Clone)]
pub struct ConversationStore {
    dir: PathBuf,
    /// One index update at a time: two saves must not each write back the index they read.
    index_lock: Arc<Mutex<()>>,
    /// One conversation write (save, rename) at a time.
    write_lock: Arc<Mutex<()>>,
}

impl ConversationStore {
    /// The store in `dir` (created on first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into(), index_lock: Arc::default(), write_lock: Arc::default() }
    }

    /// Applies `change` to the index under the lock; a missing or unreadable index is rebuilt first.
    fn update_index(&self, change: impl FnOnce(&mut Vec<ConversationSummary>)) -> Result<(), StoreError> {
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut index = match self.read_index() {
            Some(index) => index,
            None => self.rebuild_index(&self.ids()?)?,
        };
        change(&mut index);
        self.write_index(&index)
    }

    /// Every conversation's summary, the most recently changed first.
    pub fn list(&self) -> Result<Vec<ConversationSummary>, StoreError> {
        let _one_at_a_time = self.index_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let ids = self.ids()?;
        let mut summaries = match self.read_index() {
            Some(index) if same_ids(&index, &ids) => index,
            _ => self.rebuild_index(&ids)?,
        };
        summaries.sort_by(|a, b| b.updated_at_ms.total_cmp(&a.updated_at_ms));
        Ok(summaries)
    }

    /// One whole conversation.
    pub fn load(&self, id: &str) -> Result<Conversation, StoreError> {
        let path = self.path_of(id)?;
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NotFound(id.into()))
            }
            Err(source) => return Err(StoreError::Io { action: "read", path, source }),
        };
        serde_json::from_slice(&bytes).map_err(|source| StoreError::Corrupt { path, source })
    }

    /// Saves (creates or replaces) a conversation and its line in the index.
    pub fn save(&self, conversation: &Conversation) -> Result<(), StoreError> {
        let _one_at_a_time = self.write_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.write(conversation)
    }

    fn write(&self, conversation: &Conversation) -> Result<(), StoreError> {
        let path = self.path_of(&conversation.id)?;
        let bytes = serde_json::to_vec(conversation)
            .map_err(|source| StoreError::Corrupt { path: path.clone(), source })?;
        write_atomically(&path, &bytes).map_err(|source| StoreError::Io { action: "write", path, source })?;
        self.update_index(|index| {
            index.retain(|s| s.id != conversation.id);
            index.push(conversation.summary());
        })
    }

    /// Renames a conversation. Read, change and write happen under the store's write lock, so an
    /// answer saved meanwhile is not overwritten by the title change (nor the title by the answer).
    pub fn rename(&self, id: &str, title: &str) -> Result<Conversation, StoreError> {
        let _one_at_a_time = self.write_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut conversation = self.load(id)?;
        conversation.title = title.trim().to_string();
        self.write(&conversation)?;
        Ok(conversation)
    }

    /// Writes a conversation into `dir` as Markdown or JSON (see [`super::write_export`]); returns
    /// the file written.
    pub fn export(&self, id: &str, format: super::ExportFormat, dir: &Path) -> Result<PathBuf, StoreError> {
        let conversation = self.load(id)?;
        super::write_export(&conversation, format, dir).map_err(|source| StoreError::Io {
            action: "export to",
            path: dir.to_path_buf(),
            source,
        })
    }

    /// Deletes a conversation.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let path = self.path_of(id)?;
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NotFound(id.into()))
            }
            Err(source) => return Err(StoreError::Io { action: "delete", path, source }),
        }
        self.update_index(|index| index.retain(|s| s.id != id))
    }

    /// Deletes every conversation (and the index); returns how many there were. Only this store's own
    /// files go: anything else a person keeps in the folder stays.
    pub fn clear(&self) -> Result<u32, StoreError> {
        let _no_writes = self.write_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let _no_index = self.index_lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut deleted = 0;
        for id in self.ids()? {
            let path = self.path_of(&id)?;
            match std::fs::remove_file(&path) {
                Ok(()) => deleted += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(StoreError::Io { action: "delete", path, source }),
            }
        }
        let index = self.dir.join(INDEX);
        match std::fs::remove_file(&index) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(StoreError::Io { action: "delete", path: index, source }),
        }
        Ok(deleted)
    }

    /// The conversations whose title or any message contains every word of `query` (case-insensitive),
    /// the most recent first.
    pub fn search(&self, query: &str) -> Result<Vec<ConversationSummary>, StoreError> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let all = self.list()?;
        if words.is_empty() {
            return Ok(all);
        }
        let mut found = Vec::new();
        for summary in all {
            let Ok(conversation) = self.load(&summary.id) else { continue };
            let mut text = conversation.title.to_lowercase();
            for message in &conversation.messages {
                text.push('\n');
                text.push_str(&message.content.to_lowercase());
            }
            if words.iter().all(|w| text.contains(w.as_str())) {
                found.push(summary);
            }
        }
        Ok(found)
    }

    /// A conversation's file; ids are ours (`c-…`), anything else is refused before touching the disk.
    fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !is_conversation_id(id) {
            return Err(StoreError::NotFound(id.into()));
        }
        Ok(self.dir.join(format!("{id}.json")))
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(StoreError::Io { action: "list", path: self.dir.clone(), source }),
        };
        let mut ids: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".json")).map(str::to_string))
            .filter(|id| is_conversation_id(id))
            .collect();
        ids.sort();
        Ok(ids)
    }

    fn read_index(&self) -> Option<Vec<ConversationSummary>> {
        let bytes = std::fs::read(self.dir.join(INDEX)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The index from the conversations themselves. A file that cannot be read as a conversation is
    /// renamed `<id>.json.unreadable` — kept for the person (or a newer version) to recover, and out of
    /// the way so the index matches the files again.
    fn rebuild_index(&self, ids: &[String]) -> Result<Vec<ConversationSummary>, StoreError> {
        let mut index = Vec::new();
        for id in ids {
            match self.load(id) {
                Ok(conversation) => index.push(conversation.summary()),
                // Deleted meanwhile.
                Err(StoreError::NotFound(_)) => {}
                Err(StoreError::Corrupt { path, .. }) => {
                    let mut aside = path.clone().into_os_string();
                    aside.push(".unreadable");
                    std::fs::rename(&path, &aside).map_err(|source| StoreError::Io {
                        action: "move aside",
                        path,
                        source,
                    })?;
                }
                Err(e) => return Err(e),
            }
        }
        if !ids.is_empty() {
            self.write_index(&index)?;
        }
        Ok(index)
    }

    fn write_index(&self, index: &[ConversationSummary]) -> Result<(), StoreError> {
        let path = self.dir.join(INDEX);
        let bytes =
            serde_json::to_vec(index).map_err(|source| StoreError::Corrupt { path: path.clone(), source })?;
        write_atomically(&path, &bytes).map_err(|source| StoreError::Io { action: "write", path, source })
    }

    /// Where the conversations live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// `c-` and then letters, digits and dashes: never a path, never `index`, never a device name.
fn is_conversation_id(id: &str) -> bool {
    id.len() <= 64
        && id.strip_prefix("c-").is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn same_ids(index: &[ConversationSummary], ids: &[String]) -> bool {
    let mut listed: Vec<&str> = index.iter().map(|s| s.id.as_str()).collect();
    listed.sort_unstable();
    listed.len() == ids.len() && listed.iter().zip(ids).all(|(a, b)| *a == b.as_str())
}
