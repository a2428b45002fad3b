//! The messages between the map and the page that embeds it (postMessage).
//!
//! Every message is a JSON object `{"ns": "binjiang-map", "v": 1, "type": …}`.
//! Events the map sends: `ready`, `select`, `deselect`, `languagechange`,
//! `resize`. Commands it accepts: `select` (`id`), `clear`, `setLanguage`
//! (`lang`), `fitAll`, `setLayers` (`layers`: layer keys). Anything else is
//! refused with a reason the map logs as a warning.

use serde_json::{json, Value};

use crate::atlas::{Lang, Names};
use crate::state::{LayerSet, Layers, Selection};

pub const NAMESPACE: &str = "binjiang-map";
pub const VERSION: u64 = 1;

/// A command from the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(String),
    Clear,
    SetLanguage(Lang),
    FitAll,
    SetLayers(LayerSet),
}

/// Reads a command; `Err` says why it was refused. `setLayers` names
/// layers of `layers`.
pub fn parse_command(v: &Value, layers: &Layers) -> Result<Command, String> {
    let obj = v.as_object().ok_or_else(|| "expected an object".to_string())?;
    if obj.get("ns").and_then(Value::as_str) != Some(NAMESPACE) {
        return Err(format!("expected ns \"{NAMESPACE}\""));
    }
    match obj.get("v").and_then(Value::as_u64) {
        Some(VERSION) => {}
        other => return Err(format!("expected v {VERSION}, got {other:?}")),
    }
    let ty = obj.get("type").and_then(Value::as_str).ok_or_else(|| "expected a string \"type\"".to_string())?;
    let text = |k: &str| obj.get(k).and_then(Value::as_str);
    match ty {
        "select" => {
            let id = text("id").ok_or_else(|| "select: expected a string \"id\"".to_string())?;
            Ok(Command::Select(id.to_string()))
        }
        "clear" => Ok(Command::Clear),
        "fitAll" => Ok(Command::FitAll),
        "setLanguage" => {
            let tag = text("lang").unwrap_or_default();
            Lang::from_tag(tag)
                .map(Command::SetLanguage)
                .ok_or_else(|| format!("setLanguage: unknown language {tag:?}"))
        }
        "setLayers" => {
            let list = obj
                .get("layers")
                .and_then(Value::as_array)
                .ok_or_else(|| "setLayers: expected an array \"layers\"".to_string())?;
            LayerSet::from_keys(layers, list.iter().map(|k| k.as_str().unwrap_or_default()))
                .map(Command::SetLayers)
                .map_err(|key| format!("setLayers: unknown layer {key:?}"))
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn envelope(ty: &str) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("ns".into(), json!(NAMESPACE));
    m.insert("v".into(), json!(VERSION));
    m.insert("type".into(), json!(ty));
    m
}

fn names_json(n: &Names) -> Value {
    json!({ "zh-Hans": n.zh_hans, "zh-Hant": n.zh_hant, "en": n.en })
}

pub fn ready(lang: Lang) -> Value {
    let mut m = envelope("ready");
    m.insert("lang".into(), json!(lang.tag()));
    Value::Object(m)
}

pub fn select(sel: &Selection, names: &Names) -> Value {
    let mut m = envelope("select");
    m.insert("id".into(), json!(sel.id()));
    m.insert("kind".into(), json!(sel.kind()));
    m.insert("names".into(), names_json(names));
    Value::Object(m)
}

pub fn deselect() -> Value {
    Value::Object(envelope("deselect"))
}

pub fn language_change(lang: Lang) -> Value {
    let mut m = envelope("languagechange");
    m.insert("lang".into(), json!(lang.tag()));
    Value::Object(m)
}

pub fn resize(height: u32) -> Value {
    let mut m = envelope("resize");
    m.insert("height".into(), json!(height));
    Value::Object(m)
}

/// Whether commands from `origin` are accepted: those listed (`*` for all),
/// or, when none are listed, the map's own origin and its parent's.
pub fn origin_allowed(origin: &str, listed: &[String], own: &str, parent: Option<&str>) -> bool {
    if listed.is_empty() {
        origin == own || parent == Some(origin)
    } else {
        listed.iter().any(|o| o == "*" || o == origin)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn cmd(v: Value) -> Result<Command, String> {
        parse_command(&v, Layers::bundled_for_tests())
    }

    #[test]
    fn commands_parse() {
        assert_eq!(
            cmd(json!({"ns":"binjiang-map","v":1,"type":"select","id":"binfu"})),
            Ok(Command::Select("binfu".into()))
        );
        assert_eq!(cmd(json!({"ns":"binjiang-map","v":1,"type":"clear"})), Ok(Command::Clear));
        assert_eq!(
            cmd(json!({"ns":"binjiang-map","v":1,"type":"setLanguage","lang":"en"})),
            Ok(Command::SetLanguage(Lang::En))
        );
        let layers = cmd(json!({"ns":"binjiang-map","v":1,"type":"setLayers","layers":["binjiang","lab"]})).unwrap();
        let Command::SetLayers(set) = layers else { panic!("{layers:?}") };
        assert_eq!(set.keys().collect::<Vec<_>>(), ["binjiang", "lab"]);
    }

    #[test]
    fn malformed_or_foreign_messages_are_refused_with_a_reason() {
        assert!(cmd(json!("select")).is_err());
        assert!(cmd(json!({"type":"select","id":"binfu"})).unwrap_err().contains("ns"));
        assert!(cmd(json!({"ns":"binjiang-map","v":2,"type":"clear"})).unwrap_err().contains("v 1"));
        assert!(cmd(json!({"ns":"binjiang-map","v":1,"type":"explode"})).unwrap_err().contains("explode"));
        assert!(cmd(json!({"ns":"binjiang-map","v":1,"type":"setLayers","layers":["nope"]})).is_err());
        assert!(cmd(json!({"ns":"binjiang-map","v":1,"type":"select"})).is_err());
    }

    #[test]
    fn events_carry_the_namespace_and_version() {
        let names = Names { zh_hans: "滨江".into(), zh_hant: "濱江".into(), en: "Binjiang".into() };
        let e = select(&Selection::Zone("binjiang".into()), &names);
        assert_eq!(e["ns"], "binjiang-map");
        assert_eq!(e["v"], 1);
        assert_eq!(e["kind"], "zone");
        assert_eq!(e["names"]["en"], "Binjiang");
        assert_eq!(resize(480)["height"], 480);
    }

    #[test]
    fn only_allowed_origins_may_command() {
        let own = "https://map.example.cn";
        assert!(origin_allowed(own, &[], own, None));
        assert!(origin_allowed("https://host.gov.cn", &[], own, Some("https://host.gov.cn")));
        assert!(!origin_allowed("https://evil.example", &[], own, Some("https://host.gov.cn")));
        let listed = vec!["https://a.gov.cn".to_string()];
        assert!(origin_allowed("https://a.gov.cn", &listed, own, None));
        assert!(!origin_allowed(own, &listed, own, None));
        assert!(origin_allowed("https://x", &["*".to_string()], own, None));
    }
}
