//! `/docs`: the API's documentation for people, rendered on the server
//! from the very OpenAPI document `/api/v1/openapi.json` serves (so the
//! two never disagree): every operation grouped by tag with its
//! parameters, body, answers and authentication, then every schema with
//! its fields.
//!
//! Rendered here rather than by a vendored browser renderer (Redoc,
//! Swagger UI, Scalar, RapiDoc: 0.8–3 MB of script each): the page works
//! without JavaScript like every other page, keeps the strict
//! Content-Security-Policy (those renderers inject inline styles), and
//! weighs a few tens of kilobytes. It is rendered once per process.

use super::layout::page;
use super::{HTML, cached_page};
use crate::http_cache::{RenderCache, Rendered};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde_json::{Map, Value};
use std::sync::LazyLock;
use utoipa::OpenApi;

/// The document as JSON, as the API serves it.
static DOC: LazyLock<Value> = LazyLock::new(|| {
    serde_json::to_value(crate::api::openapi::ApiDoc::openapi()).unwrap_or(Value::Null)
});

/// The rendered page, the same for every request.
static PAGE: LazyLock<RenderCache<()>> = LazyLock::new(RenderCache::default);

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

pub async fn docs(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let rendered = PAGE.get_or_render(&(), (0, 0), || {
        Rendered::new(HTML, render(state.demo, &DOC).into_string())
    });
    cached_page(&req, &state, &rendered)
}

/// One operation of the document.
struct Operation<'a> {
    method: &'a str,
    path: &'a str,
    op: &'a Map<String, Value>,
}

impl Operation<'_> {
    fn id(&self) -> String {
        match self.op.get("operationId").and_then(Value::as_str) {
            Some(id) => format!("op-{id}"),
            None => format!(
                "op-{}-{}",
                self.method,
                self.path.replace(['/', '{', '}'], "-")
            ),
        }
    }

    fn summary(&self) -> &str {
        text(self.op.get("summary"))
    }
}

fn text(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or("")
}

/// Operations by tag, in the document's tag order.
fn operations(doc: &Value) -> Vec<(String, String, Vec<Operation<'_>>)> {
    let mut tags: Vec<(String, String, Vec<Operation>)> = doc["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            (
                text(t.get("name")).to_string(),
                text(t.get("description")).to_string(),
                Vec::new(),
            )
        })
        .collect();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            let Some(op) = item.get(method).and_then(Value::as_object) else {
                continue;
            };
            let tag = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .unwrap_or("other");
            let index = match tags.iter().position(|(name, _, _)| name == tag) {
                Some(i) => i,
                None => {
                    tags.push((tag.to_string(), String::new(), Vec::new()));
                    tags.len() - 1
                }
            };
            tags[index].2.push(Operation { method, path, op });
        }
    }
    tags.retain(|(_, _, ops)| !ops.is_empty());
    tags
}

/// Prose of the document: paragraphs at blank lines, `code` spans.
fn prose(s: &str) -> Markup {
    html! {
        @for para in s.split("\n\n").filter(|p| !p.trim().is_empty()) {
            p { (inline(&para.replace('\n', " "))) }
        }
    }
}

fn inline(s: &str) -> Markup {
    html! {
        @for (i, part) in s.split('`').enumerate() {
            @if i % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// The name of the schema a `$ref` points at.
fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

/// A schema's type, in short: `string`, `integer (int64)`, a link to a
/// named schema, `array of …`, `A or null`.
fn type_of(schema: &Value) -> Markup {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = ref_name(r);
        return html! { a href={ "#schema-" (name) } { (name) } };
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let joiner = if key == "allOf" { " and " } else { " or " };
            return html! {
                @for (i, p) in parts.iter().enumerate() {
                    @if i > 0 { (joiner) } (type_of(p))
                }
            };
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let format = schema.get("format").and_then(Value::as_str);
    let values: Vec<String> = schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|e| {
            e.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        })
        .unwrap_or_default();
    html! {
        @for (i, t) in types.iter().enumerate() {
            @if i > 0 { " or " }
            @if *t == "array" {
                "array of " (type_of(&schema["items"]))
            } @else {
                (t)
                @if let (Some(f), false) = (format, *t == "null") { " (" (f) ")" }
            }
        }
        @if types.is_empty() && values.is_empty() { "any" }
        @if !values.is_empty() {
            @if !types.is_empty() { ": " } "one of "
            @for (i, v) in values.iter().enumerate() {
                @if i > 0 { ", " } code { (v) }
            }
        }
    }
}

/// The description of a property, wherever it is given.
fn described(schema: &Value) -> &str {
    schema
        .get("description")
        .or_else(|| {
            schema
                .get("oneOf")
                .and_then(Value::as_array)
                .and_then(|parts| parts.iter().find_map(|p| p.get("description")))
        })
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn operation(o: &Operation) -> Markup {
    let params: Vec<&Value> =
        o.op.get("parameters")
            .and_then(Value::as_array)
            .map(|p| p.iter().collect())
            .unwrap_or_default();
    let keyed =
        o.op.get("security")
            .and_then(Value::as_array)
            .map(|s| s.iter().filter_map(Value::as_object).collect::<Vec<_>>())
            .unwrap_or_default();
    let open = keyed.is_empty() || keyed.iter().any(|s| s.is_empty());
    let schemes: Vec<&String> = keyed.iter().flat_map(|s| s.keys()).collect();
    html! {
        section.operation id=(o.id()) {
            h3 {
                span class={ "method method-" (o.method) } { (o.method.to_uppercase()) }
                " " code.path { (o.path) }
            }
            @if !o.summary().is_empty() { p.op-summary { (inline(o.summary())) } }
            (prose(text(o.op.get("description"))))
            @if !schemes.is_empty() {
                p.auth {
                    @if open { "Open; an API key (" } @else { "Needs " }
                    @for (i, s) in schemes.iter().enumerate() { @if i > 0 { " or " } code { (s) } }
                    @if open { ") raises the rate limit." } @else { "." }
                }
            }
            @if !params.is_empty() {
                table.params {
                    caption { "Parameters" }
                    thead { tr { th scope="col" { "Name" } th scope="col" { "In" } th scope="col" { "Type" } th scope="col" { "Description" } } }
                    tbody {
                        @for p in &params {
                            tr {
                                td data-label="Name" {
                                    code { (text(p.get("name"))) }
                                    @if p.get("required").and_then(Value::as_bool) == Some(true) { " " span.required { "required" } }
                                }
                                td data-label="In" { (text(p.get("in"))) }
                                td data-label="Type" { (type_of(&p["schema"])) }
                                td data-label="Description" { (inline(text(p.get("description")))) }
                            }
                        }
                    }
                }
            }
            @if let Some(body) = o.op.get("requestBody") {
                p.body {
                    "Body: "
                    @for (ct, c) in body["content"].as_object().into_iter().flatten() {
                        code { (ct) } " " (type_of(&c["schema"])) " "
                    }
                    (inline(text(body.get("description"))))
                }
            }
            h4 { "Answers" }
            dl.answers {
                @for (status, r) in o.op.get("responses").and_then(Value::as_object).into_iter().flatten() {
                    dt { code { (status) } }
                    dd {
                        (inline(text(r.get("description"))))
                        @for (ct, c) in r.get("content").and_then(Value::as_object).into_iter().flatten() {
                            " — " code { (ct) } " " (type_of(&c["schema"]))
                        }
                    }
                }
            }
        }
    }
}

fn schema(name: &str, s: &Value) -> Markup {
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    html! {
        section.schema id={ "schema-" (name) } {
            h3 { (name) }
            (prose(described(s)))
            @if let Some(props) = s.get("properties").and_then(Value::as_object) {
                table.fields {
                    caption { "Fields of " (name) }
                    thead { tr { th scope="col" { "Field" } th scope="col" { "Type" } th scope="col" { "Description" } } }
                    tbody {
                        @for (field, p) in props {
                            tr {
                                td data-label="Field" {
                                    code { (field) }
                                    @if required.contains(&field.as_str()) { " " span.required { "required" } }
                                }
                                td data-label="Type" { (type_of(p)) }
                                td data-label="Description" { (inline(&described(p).replace('\n', " "))) }
                            }
                        }
                    }
                }
            } @else {
                p { "Type: " (type_of(s)) }
            }
        }
    }
}

fn render(demo: bool, doc: &Value) -> Markup {
    let tags = operations(doc);
    let schemas = doc["components"]["schemas"].as_object();
    let body = html! {
        h1 { "API documentation" }
        p.lead {
            (text(doc["info"].get("title"))) " API, version " (text(doc["info"].get("version"))) ". "
            (inline(text(doc["info"].get("description"))))
        }
        p {
            "The machine-readable OpenAPI " (text(doc.get("openapi"))) " document: "
            a href="/api/v1/openapi.json" { "/api/v1/openapi.json" } "."
        }
        nav.toc aria-labelledby="toc-h" {
            h2 #toc-h { "Contents" }
            ul {
                @for (tag, description, ops) in &tags {
                    li {
                        a href={ "#tag-" (tag) } { (tag) } @if !description.is_empty() { " — " (description) }
                        ul {
                            @for o in ops {
                                li { a href={ "#" (o.id()) } { (o.method.to_uppercase()) " " (o.path) } }
                            }
                        }
                    }
                }
                li { a href="#schemas-h" { "Schemas" } }
            }
        }
        @for (tag, description, ops) in &tags {
            section.tag aria-labelledby={ "tag-" (tag) } {
                h2 id={ "tag-" (tag) } { (tag) @if !description.is_empty() { span.span-words { " — " (description) } } }
                @for o in ops { (operation(o)) }
            }
        }
        section aria-labelledby="schemas-h" {
            h2 #schemas-h { "Schemas" }
            @for (name, s) in schemas.into_iter().flatten() { (schema(name, s)) }
        }
    };
    page(demo, "API documentation", "", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_and_schema_of_the_document_is_on_the_page() {
        let page = render(false, &DOC).into_string();
        let paths = DOC["paths"].as_object().expect("paths");
        for (path, item) in paths {
            for method in METHODS {
                if item.get(method).is_some() {
                    assert!(
                        page.contains(&format!("<code class=\"path\">{path}</code>")),
                        "{method} {path}"
                    );
                }
            }
        }
        for name in DOC["components"]["schemas"]
            .as_object()
            .expect("schemas")
            .keys()
        {
            assert!(page.contains(&format!("id=\"schema-{name}\"")), "{name}");
        }
        assert!(
            page.contains("href=\"#schema-ServiceDetail\""),
            "links to schemas"
        );
        assert!(
            !page.contains("<script src=\"http"),
            "nothing from elsewhere"
        );
    }
}
