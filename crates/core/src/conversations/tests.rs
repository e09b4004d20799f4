use super::*;

fn conversation(id: &str, question: &str, updated: f64) -> Conversation {
    let mut c = Conversation {
        id: id.into(),
        title: String::new(),
        target: ConversationTarget {
            profile_id: "sandbox".into(),
            deployment: "gpt-4o".into(),
            model: Some("gpt-4o".into()),
            model_version: Some("2024-11-20".into()),
            ..ConversationTarget::default()
        },
        parameters: PlaygroundParameters { system_message: "Be brief.".into(), ..Default::default() },
        messages: vec![
            ConversationMessage {
                id: "m1".into(),
                role: MessageRole::User,
                content: question.into(),
                incomplete: false,
                stopped: false,
                answer: None,
            },
            ConversationMessage {
                id: "m2".into(),
                role: MessageRole::Assistant,
                content: "Paris.".into(),
                incomplete: true,
                stopped: false,
                answer: Some(AnswerFacts {
                    time_to_first_token_ms: Some(212.4),
                    prompt_tokens: Some(14),
                    completion_tokens: Some(2),
                    finish_reason: Some("stop".into()),
                    request_id: Some("req-1".into()),
                    ..Default::default()
                }),
            },
        ],
        created_at_ms: 1.0,
        updated_at_ms: updated,
    };
    c.title = c.default_title();
    c
}

#[test]
fn conversations_survive_a_new_store_and_list_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConversationStore::new(dir.path());
    assert!(store.list().unwrap().is_empty());
    store.save(&conversation("c-1", "What is the capital of France?", 10.0)).unwrap();
    store.save(&conversation("c-2", "Name a prime", 20.0)).unwrap();

    let reopened = ConversationStore::new(dir.path());
    let titles: Vec<String> = reopened.list().unwrap().into_iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Name a prime", "What is the capital of France?"]);
    let loaded = reopened.load("c-1").unwrap();
    assert_eq!(loaded, conversation("c-1", "What is the capital of France?", 10.0));
    assert!(loaded.messages[1].incomplete, "a cut answer stays marked");
}

#[test]
fn rename_delete_and_search_by_any_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConversationStore::new(dir.path());
    store.save(&conversation("c-1", "What is the capital of France?", 10.0)).unwrap();
    store.save(&conversation("c-2", "Name a prime", 20.0)).unwrap();

    store.rename("c-2", "  Primes  ").unwrap();
    assert_eq!(store.list().unwrap()[0].title, "Primes");
    let ids = |found: Vec<ConversationSummary>| found.into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(store.search("PARIS capital").unwrap()), ["c-1"]);
    assert_eq!(ids(store.search("primes").unwrap()), ["c-2"]);
    assert!(store.search("berlin").unwrap().is_empty());

    store.delete("c-1").unwrap();
    assert_eq!(ids(store.list().unwrap()), ["c-2"]);
    assert!(matches!(store.load("c-1"), Err(StoreError::NotFound(_))));
    assert!(matches!(store.delete("../settings"), Err(StoreError::NotFound(_))), "no path escapes");
    assert!(matches!(store.load("index"), Err(StoreError::NotFound(_))));
    // Someone else's file in the folder is no conversation, and does not stop the list.
    std::fs::write(dir.path().join("notes 1.json"), b"{}").unwrap();
    assert_eq!(ids(store.list().unwrap()), ["c-2"]);
}

#[test]
fn clearing_history_deletes_every_conversation_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConversationStore::new(dir.path());
    store.save(&conversation("c-1", "One", 10.0)).unwrap();
    store.save(&conversation("c-2", "Two", 20.0)).unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"mine").unwrap();

    assert_eq!(store.clear().unwrap(), 2);
    assert!(store.list().unwrap().is_empty());
    assert!(ConversationStore::new(dir.path()).list().unwrap().is_empty(), "gone after a restart too");
    assert!(!dir.path().join("index.json").exists());
    assert_eq!(std::fs::read(dir.path().join("notes.txt")).unwrap(), b"mine");
    // Clearing an empty or never-created history is no error.
    assert_eq!(store.clear().unwrap(), 0);
    assert_eq!(ConversationStore::new(dir.path().join("never")).clear().unwrap(), 0);
}

#[test]
fn a_lost_or_stale_index_is_rebuilt_from_the_conversations() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConversationStore::new(dir.path());
    store.save(&conversation("c-1", "One", 10.0)).unwrap();
    std::fs::write(dir.path().join("index.json"), b"{ not json").unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    // A conversation written while the index was not (a crash between the two writes).
    let late = conversation("c-2", "Two", 20.0);
    std::fs::write(dir.path().join("c-2.json"), serde_json::to_vec(&late).unwrap()).unwrap();
    assert_eq!(store.list().unwrap()[0].id, "c-2");
    // A conversation this version cannot read is moved aside, never deleted, and the rest still list.
    std::fs::write(dir.path().join("c-3.json"), b"{\"id\": 3").unwrap();
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["c-2", "c-1"]);
    assert!(dir.path().join("c-3.json.unreadable").exists());
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn markdown_export_reads_as_the_conversation_with_its_numbers() {
    let markdown = to_markdown(&conversation("c-1", "What is the capital of France?", 10.0));
    assert_eq!(
        markdown,
        "# What is the capital of France?\n\nDeployment: `gpt-4o` (gpt-4o 2024-11-20)\n\n## System\n\nBe brief.\n\n\
         ## User\n\nWhat is the capital of France?\n\n## Assistant\n\nParis.\n\n\
         _(incomplete: the answer was cut off)_\n\n\
         > first token 212 ms · 14 prompt + 2 completion tokens · finish: stop · request id req-1\n\n"
    );
    let json: serde_json::Value = serde_json::from_str(&to_json(&conversation("c-1", "Q", 1.0))).unwrap();
    assert_eq!(json["messages"][1]["answer"]["timeToFirstTokenMs"], 212.4);
}

#[test]
fn a_long_first_question_makes_a_short_title() {
    let long = "x".repeat(80);
    assert_eq!(conversation("c-1", &long, 1.0).title.chars().count(), 61);
    assert_eq!(conversation("c-1", "  \n", 1.0).title, "New conversation");
}

#[test]
fn an_export_is_a_readable_file_that_never_overwrites_and_never_escapes_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConversationStore::new(dir.path().join("history"));
    let mut c = conversation("c-1", "What is the capital of France?", 10.0);
    c.title = "../../etc/passwd: a trip?".into();
    store.save(&c).unwrap();
    let out = dir.path().join("Downloads");

    let first = store.export("c-1", ExportFormat::Markdown, &out).unwrap();
    let second = store.export("c-1", ExportFormat::Markdown, &out).unwrap();
    let json = store.export("c-1", ExportFormat::Json, &out).unwrap();
    assert_eq!(first.parent(), Some(out.as_path()), "a title is never a path");
    assert_ne!(first, second, "a second export does not overwrite the first");
    assert!(second.file_name().unwrap().to_string_lossy().contains("(2)"));
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("What is the capital of France?") && text.contains("Paris."));
    let back: Conversation = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(back, c);
    assert!(matches!(store.export("c-9", ExportFormat::Json, &out), Err(StoreError::NotFound(_))));
}
