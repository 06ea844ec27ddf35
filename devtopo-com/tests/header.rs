//! `include/devtopo_com_interfaces.h` (the C++ abstract classes and C vtable structs) and
//! `src/generated/iids.rs` (the IID symbols the header declares) are generated from
//! Microsoft's metadata, the same metadata windows-bindgen reads, for the interfaces in
//! `tools/header-interfaces.txt`: the slot order, method names, parameter names and types all
//! come from it (G7, R5). This test fails when the committed files differ from a fresh
//! generation; regenerate with
//!
//! ```text
//! DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test header
//! ```

use std::fmt::Write;

use windows_metadata::Type;
use windows_metadata::reader::{File, Index, TypeDef};

const HEADER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/include/devtopo_com_interfaces.h"
);
const IIDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/generated/iids.rs");
const LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/header-interfaces.txt");

fn interfaces() -> Vec<String> {
    std::fs::read_to_string(LIST)
        .expect("tools/header-interfaces.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn find<'a>(index: &'a Index, name: &str) -> TypeDef<'a> {
    let mut found = index.types().filter(|t| t.name() == name);
    let def = found
        .next()
        .unwrap_or_else(|| panic!("{name} is not in the metadata"));
    assert!(
        found.next().is_none(),
        "{name} is ambiguous in the metadata"
    );
    def
}

/// The C spelling of a metadata type. `reference` marks a required `const` in-pointer to a
/// GUID, PROPERTYKEY or PROPVARIANT, which the SDK spells `REFIID` / `REFGUID` /
/// `REFPROPERTYKEY` / `REFPROPVARIANT` (a reference in C++, a pointer in C).
fn c_type(ty: &Type, name: &str, optional: bool) -> String {
    match ty {
        Type::Void => "void".into(),
        Type::Bool => "BOOLEAN".into(),
        Type::I8 => "CHAR".into(),
        Type::U8 => "BYTE".into(),
        Type::I16 => "SHORT".into(),
        Type::U16 => "USHORT".into(),
        Type::I32 => "INT".into(),
        Type::U32 => "UINT".into(),
        Type::I64 => "LONGLONG".into(),
        Type::U64 => "ULONGLONG".into(),
        Type::F32 => "float".into(),
        Type::F64 => "double".into(),
        Type::USize => "SIZE_T".into(),
        Type::ISize => "SSIZE_T".into(),
        Type::ValueName(t) => match t.name.as_str() {
            "PWSTR" => "LPWSTR".into(),
            "PCWSTR" => "LPCWSTR".into(),
            other => other.into(),
        },
        Type::ClassName(t) => format!("{} *", t.name),
        Type::PtrConst(inner, 1)
            if !optional
                && matches!(&**inner, Type::ValueName(t)
                    if ["GUID", "PROPERTYKEY", "PROPVARIANT"].contains(&t.name.as_str())) =>
        {
            match &**inner {
                Type::ValueName(t) if t.name == "GUID" => {
                    if name.to_ascii_lowercase().contains("iid") {
                        "REFIID".into()
                    } else {
                        "REFGUID".into()
                    }
                }
                Type::ValueName(t) => format!("REF{}", t.name),
                _ => unreachable!(),
            }
        }
        Type::PtrMut(inner, n) => format!("{}{}", c_type(inner, name, false), "*".repeat(*n)),
        Type::PtrConst(inner, n) => {
            format!("const {}{}", c_type(inner, name, false), "*".repeat(*n))
        }
        other => panic!("no C spelling for {other:?} ({name})"),
    }
}

/// One method: (return type, name, [(type, parameter name)]).
type Method = (String, String, Vec<(String, String)>);

fn methods(def: TypeDef<'_>) -> Vec<Method> {
    def.methods()
        .map(|m| {
            let sig = m.signature(&[]);
            let map = m.params_by_sequence(sig.types.len()).expect("params");
            let params = sig
                .types
                .iter()
                .zip(map.params())
                .enumerate()
                .map(|(i, (ty, p))| {
                    let pname = p.map_or_else(|| format!("arg{i}"), |p| p.name().to_string());
                    let optional = p.is_some_and(|p| p.is_optional());
                    (c_type(ty, &pname, optional), pname)
                })
                .collect();
            (
                c_type(&sig.return_type, "", false),
                m.name().to_string(),
                params,
            )
        })
        .collect()
}

fn base(def: TypeDef<'_>) -> Option<String> {
    def.interface_impls()
        .next()
        .and_then(|i| match i.interface(&[]) {
            Type::ClassName(t) if t.name != "IUnknown" => Some(t.name),
            _ => None,
        })
}

/// `type name` with the pointer stars next to the name, as the SDK writes it (`UINT *pCount`).
fn decl(ty: &str, name: &str) -> String {
    let base = ty.trim_end_matches('*');
    let stars = ty.len() - base.len();
    format!("{} {}{name}", base.trim_end(), "*".repeat(stars))
}

fn generate() -> (String, String) {
    let file = File::new(windows_default::WIN32.to_vec()).expect("metadata");
    let index = Index::new(vec![file]);
    let names = interfaces();
    let mut h = String::new();
    h.push_str(
        "/* Generated by devtopo-com/tests/header.rs from Microsoft's metadata (windows-default \
         0.100)\n * for the interfaces in tools/header-interfaces.txt. Do not edit: regenerate with\n \
         *   DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test header\n * Included by \
         devtopo_com.h on non-Windows compilers only. */\n\n",
    );
    for n in &names {
        writeln!(h, "typedef struct {n} {n};").unwrap();
    }
    h.push('\n');
    for n in &names {
        writeln!(h, "DEVTOPO_EXTERN_C const IID IID_{n};").unwrap();
    }
    h.push_str("\n#if defined(__cplusplus) && !defined(CINTERFACE)\n\n");
    for n in &names {
        let def = find(&index, n);
        let parent = base(def).unwrap_or_else(|| "IUnknown".into());
        writeln!(h, "struct {n} : public {parent} {{").unwrap();
        for (ret, name, params) in methods(def) {
            let args: Vec<String> = params.iter().map(|(t, p)| decl(t, p)).collect();
            writeln!(
                h,
                "    virtual {ret} STDMETHODCALLTYPE {name}({}) = 0;",
                args.join(", ")
            )
            .unwrap();
        }
        h.push_str("};\n\n");
    }
    h.push_str("extern \"C++\" {\n");
    for n in &names {
        writeln!(
            h,
            "template <> inline const IID &devtopo_uuidof<{n}>() {{ return IID_{n}; }}"
        )
        .unwrap();
    }
    h.push_str("}\n\n#else /* C */\n\n");
    for n in &names {
        let def = find(&index, n);
        // The whole chain, IUnknown first.
        let mut chain = vec![def];
        while let Some(b) = base(*chain.last().expect("non-empty")) {
            chain.push(find(&index, &b));
        }
        writeln!(h, "typedef struct {n}Vtbl {{").unwrap();
        writeln!(
            h,
            "    HRESULT (STDMETHODCALLTYPE *QueryInterface)({n} *This, REFIID riid, void **ppvObject);"
        )
        .unwrap();
        writeln!(h, "    ULONG (STDMETHODCALLTYPE *AddRef)({n} *This);").unwrap();
        writeln!(h, "    ULONG (STDMETHODCALLTYPE *Release)({n} *This);").unwrap();
        for def in chain.iter().rev() {
            for (ret, name, params) in methods(*def) {
                let mut args = vec![format!("{n} *This")];
                args.extend(params.iter().map(|(t, p)| decl(t, p)));
                writeln!(
                    h,
                    "    {ret} (STDMETHODCALLTYPE *{name})({});",
                    args.join(", ")
                )
                .unwrap();
            }
        }
        writeln!(h, "}} {n}Vtbl;").unwrap();
        writeln!(h, "struct {n} {{ const struct {n}Vtbl *lpVtbl; }};\n").unwrap();
    }
    h.push_str("#endif\n");

    let mut rs = String::new();
    rs.push_str(
        "// Generated by devtopo-com/tests/header.rs from tools/header-interfaces.txt. Do not \
         edit.\n// The IID symbols include/devtopo_com_interfaces.h declares, from the generated \
         bindings.\n\n",
    );
    for n in &names {
        writeln!(
            rs,
            "/// `IID_{n}`.\n#[unsafe(no_mangle)]\npub static IID_{n}: windows_core::GUID = \
             <super::{n} as windows_core::Interface>::IID;"
        )
        .unwrap();
    }
    (h, rs)
}

#[test]
fn committed_header_and_iids_match_a_fresh_generation() {
    let (header, iids) = generate();
    if std::env::var_os("DEVTOPO_COM_REGENERATE").is_some() {
        std::fs::write(HEADER, &header).expect("write header");
        std::fs::write(IIDS, &iids).expect("write iids");
        return;
    }
    let hint = "regenerate with `DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test header`";
    assert!(
        std::fs::read_to_string(HEADER).ok().as_deref() == Some(header.as_str()),
        "include/devtopo_com_interfaces.h is stale; {hint}"
    );
    assert!(
        std::fs::read_to_string(IIDS).ok().as_deref() == Some(iids.as_str()),
        "src/generated/iids.rs is stale; {hint}"
    );
}

/// The slots of `name`'s vtable in the windows-bindgen bindings, IUnknown's first.
fn rust_slots(bindings: &str, name: &str) -> Vec<String> {
    if name == "IUnknown" {
        return vec!["QueryInterface".into(), "AddRef".into(), "Release".into()];
    }
    let start = bindings
        .find(&format!("pub struct {name}_Vtbl {{\n"))
        .unwrap_or_else(|| panic!("{name}_Vtbl is not in the bindings"));
    let body = &bindings[start..];
    let body = &body[..body.find("\n}\n").expect("struct end")];
    let mut slots = Vec::new();
    // Fields sit at one indentation level (rustfmt's output); deeper lines are their types.
    for line in body.lines().skip(1) {
        let Some(line) = line.strip_prefix("    ").filter(|l| !l.starts_with(' ')) else {
            continue;
        };
        let line = line.strip_prefix("pub ").unwrap_or(line);
        let Some((field, ty)) = line.split_once(':') else {
            continue;
        };
        if !field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        if field == "base__" {
            let base = ty
                .trim()
                .trim_end_matches(',')
                .trim_start_matches("windows_core::");
            slots.extend(rust_slots(bindings, base.trim_end_matches("_Vtbl")));
        } else {
            slots.push(field.to_string());
        }
    }
    slots
}

/// The slots of `name`'s C vtable struct in the generated header.
fn header_slots(header: &str, name: &str) -> Vec<String> {
    let start = header
        .find(&format!("typedef struct {name}Vtbl {{\n"))
        .unwrap_or_else(|| panic!("{name}Vtbl is not in the header"));
    let body = &header[start..];
    let body = &body[..body.find(&format!("}} {name}Vtbl;")).expect("struct end")];
    body.lines()
        .filter_map(|l| l.split_once("(STDMETHODCALLTYPE *"))
        .map(|(_, rest)| rest.split(')').next().unwrap_or_default().to_string())
        .collect()
}

/// The header and the Rust bindings come from two generators; their vtables agree slot for
/// slot (G7, R5), inherited slots included.
#[test]
fn header_and_bindings_agree_on_every_slot() {
    let bindings = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/generated/bindings.rs"
    ))
    .expect("bindings");
    let header = std::fs::read_to_string(HEADER).expect("header");
    for name in interfaces() {
        let rust = rust_slots(&bindings, &name);
        assert!(rust.len() >= 3, "{name}: {rust:?}");
        assert_eq!(header_slots(&header, &name), rust, "{name}");
    }
}
