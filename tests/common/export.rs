//! Structural checks of a `newsidx export` folder (no engine runs here): what OpenSearch
//! would refuse or load twice.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Reads an OpenSearch export of index `name` in `dir` and checks it: action and document
/// lines alternate, each action indexes into `name` with the document's id, ids are
/// unique, every document key (and every quote key) is in the mapping, dates are RFC
/// 3339. Returns the documents.
pub fn check_opensearch(dir: &Path, name: &str) -> Vec<Value> {
    let body: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.index.json"))).unwrap(),
    )
    .unwrap();
    let properties = body["mappings"]["properties"].as_object().unwrap();
    let quote_keys = body["mappings"]["properties"]["quotes"]["properties"]
        .as_object()
        .unwrap();
    let script = std::fs::read_to_string(dir.join("load.sh")).unwrap();
    let mut docs = Vec::new();
    let mut ids = BTreeSet::new();
    for n in 1.. {
        let file = format!("{name}-{n:05}.ndjson");
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            break;
        };
        assert!(
            script.contains(&format!("post '{file}'\n")),
            "load.sh posts {file}"
        );
        assert!(text.ends_with('\n'), "{file} ends with a newline");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len() % 2,
            0,
            "{file}: action and document lines in pairs"
        );
        for pair in lines.chunks(2) {
            let action: Value = serde_json::from_str(pair[0]).unwrap();
            let doc: Value = serde_json::from_str(pair[1]).unwrap();
            let id = doc["id"].as_u64().expect("a numeric id");
            assert_eq!(action["index"]["_index"], name);
            assert_eq!(action["index"]["_id"], id.to_string());
            assert!(ids.insert(id), "id {id} exported twice");
            for key in doc.as_object().unwrap().keys() {
                assert!(properties.contains_key(key), "{key} is not mapped");
            }
            for q in doc["quotes"].as_array().unwrap() {
                for key in q.as_object().unwrap().keys() {
                    assert!(quote_keys.contains_key(key), "quotes.{key} is not mapped");
                }
            }
            if let Some(date) = doc.get("date") {
                let d = date.as_str().unwrap();
                assert!(chrono::DateTime::parse_from_rfc3339(d).is_ok(), "date {d}");
            }
            docs.push(doc);
        }
    }
    docs
}
