//! Workspace file steps: `pwd`, `deleteDir`, `writeFile`, `readFile`, `fileExists`, and the
//! helpers the other file-touching steps share (path resolution, Java-style I/O errors,
//! charsets, dry-run notes).
//!
//! Under `--dry-run` the steps that only look at files (`readFile`, `fileExists`) still look
//! (they change nothing and pipelines branch on what they find); a file an earlier, skipped
//! write would have created reads as empty. Steps that change files are recorded and skipped.

use std::path::{Path, PathBuf};

use base64::Engine as _;

use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::{exception, throw, Flow, R};
use crate::eval::value::Value;
use crate::exec::context::StepCtx;

pub static STEPS: &[&dyn Step] = &[&Pwd, &DeleteDir, &WriteFile, &ReadFile, &FileExists];

/// `FilePath.child`: a path relative to the current directory (absolute paths stay).
pub fn resolve(ctx: &StepCtx, path: &str) -> PathBuf {
    ctx.cwd.join(path)
}

/// Writes a line to the build log in the caller's context.
pub fn log(call: &StepCall<'_>, text: &str) {
    let prefix = StepCtx::current(call.interp).log_prefix();
    call.run.log.line(&prefix, text);
}

/// The note a skipped step leaves under `--dry-run`.
pub fn dry_note(call: &StepCall<'_>, step: &str, what: &str) {
    log(call, &format!("[dry-run] {step}: {what}"));
}

/// The Java exception for an I/O error on `path`, as `java.nio.file` reports it.
pub fn io_error(path: &Path, e: &std::io::Error) -> Flow {
    use std::io::ErrorKind as K;
    let p = path.display().to_string();
    let (class, msg) = match e.kind() {
        K::NotFound => ("java.nio.file.NoSuchFileException", p),
        K::PermissionDenied => ("java.nio.file.AccessDeniedException", p),
        K::AlreadyExists => ("java.nio.file.FileAlreadyExistsException", p),
        K::IsADirectory => (
            "java.nio.file.FileSystemException",
            format!("{p}: Is a directory"),
        ),
        K::NotADirectory => (
            "java.nio.file.FileSystemException",
            format!("{p}: Not a directory"),
        ),
        _ => ("java.io.IOException", format!("{p}: {e}")),
    };
    exception(class, Some(msg))
}

/// Creates the parent directories of `path` (Jenkins' `FilePath.write` does).
pub fn make_parents(path: &Path) -> R<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path`, creating parent directories.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> R<()> {
    make_parents(path)?;
    std::fs::write(path, bytes).map_err(|e| io_error(path, &e))
}

/// A charset `String.getBytes`/`new String(bytes, cs)` understands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Charset {
    Utf8,
    Latin1,
    Ascii,
    Utf16,
    Utf16Be,
    Utf16Le,
}

impl Charset {
    /// `Charset.forName` for the charsets pipelines use; `None` is the platform default
    /// (UTF-8).
    pub fn for_name(name: Option<&str>) -> R<Charset> {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return Ok(Charset::Utf8);
        };
        let norm = name.to_ascii_uppercase().replace('_', "-");
        Ok(match norm.as_str() {
            "UTF-8" | "UTF8" => Charset::Utf8,
            "ISO-8859-1" | "ISO8859-1" | "LATIN1" | "L1" | "ISO-LATIN-1" | "8859-1" | "CP819" => {
                Charset::Latin1
            }
            "US-ASCII" | "ASCII" | "ISO646-US" | "646" => Charset::Ascii,
            "UTF-16" | "UTF16" => Charset::Utf16,
            "UTF-16BE" | "UTF16BE" | "X-UTF-16BE" => Charset::Utf16Be,
            "UTF-16LE" | "UTF16LE" | "X-UTF-16LE" => Charset::Utf16Le,
            _ => return throw("java.nio.charset.UnsupportedCharsetException", name),
        })
    }

    /// `String.getBytes(cs)`: unmappable characters become `?`.
    pub fn encode(self, s: &str) -> Vec<u8> {
        let narrow = |max: u32| {
            s.chars()
                .map(|c| if (c as u32) <= max { c as u8 } else { b'?' })
                .collect()
        };
        let wide = |big: bool, bom: bool| {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            if bom {
                out.extend_from_slice(&[0xFE, 0xFF]);
            }
            for unit in s.encode_utf16() {
                out.extend_from_slice(&if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            out
        };
        match self {
            Charset::Utf8 => s.as_bytes().to_vec(),
            Charset::Latin1 => narrow(0xFF),
            Charset::Ascii => narrow(0x7F),
            Charset::Utf16 => wide(true, true),
            Charset::Utf16Be => wide(true, false),
            Charset::Utf16Le => wide(false, false),
        }
    }

    /// `new String(bytes, cs)`: malformed input becomes U+FFFD.
    pub fn decode(self, bytes: &[u8]) -> String {
        let wide = |bytes: &[u8], big: bool| {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [a, b] if big => u16::from_be_bytes([*a, *b]),
                    [a, b] => u16::from_le_bytes([*a, *b]),
                    _ => 0xFFFD,
                })
                .collect();
            String::from_utf16_lossy(&units)
        };
        match self {
            Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Charset::Latin1 => bytes.iter().map(|&b| b as char).collect(),
            Charset::Ascii => bytes
                .iter()
                .map(|&b| if b < 0x80 { b as char } else { '\u{FFFD}' })
                .collect(),
            Charset::Utf16 => match bytes {
                [0xFF, 0xFE, rest @ ..] => wide(rest, false),
                [0xFE, 0xFF, rest @ ..] => wide(rest, true),
                _ => wide(bytes, true),
            },
            Charset::Utf16Be => wide(bytes, true),
            Charset::Utf16Le => wide(bytes, false),
        }
    }
}

/// `Base64.getDecoder().decode(text)`: the basic alphabet, padding optional.
pub fn base64_decode(text: &str) -> R<Vec<u8>> {
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine.decode(text).map_err(|e| {
        let msg = match e {
            base64::DecodeError::InvalidByte(_, b) => format!("Illegal base64 character {b:x}"),
            base64::DecodeError::InvalidLength(_)
            | base64::DecodeError::InvalidLastSymbol { .. } => {
                "Last unit does not have enough valid bits".to_string()
            }
            other => other.to_string(),
        };
        exception("java.lang.IllegalArgumentException", Some(msg))
    })
}

pub fn base64_encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Implements [`Step`] for a step whose run and dry run are one function,
/// `method(call, dry)` (`read` unless named): the reading steps (`readFile`, `readJSON`,
/// `readYaml`), which read under `--dry-run` too, and steps that decide themselves what a
/// dry run skips (`writeJSON`, `writeYaml` still return their text).
macro_rules! reading_step {
    ($ty:ty, $spec:expr) => {
        $crate::steps::files::reading_step!($ty, $spec, read);
    };
    ($ty:ty, $spec:expr, $method:ident) => {
        impl $crate::steps::Step for $ty {
            fn spec(&self) -> &'static $crate::steps::StepSpec {
                &$spec
            }

            fn dry_run(
                &self,
                call: &$crate::steps::StepCall<'_>,
            ) -> $crate::eval::error::R<$crate::eval::value::Value> {
                Self::$method(call, true)
            }

            fn run(
                &self,
                call: &$crate::steps::StepCall<'_>,
            ) -> $crate::eval::error::R<$crate::eval::value::Value> {
                Self::$method(call, false)
            }
        }
    };
}
pub(crate) use reading_step;

pub struct Pwd;
static PWD: StepSpec = StepSpec {
    name: "pwd",
    summary: "The current directory's path (the workspace, or where `dir` moved to).",
    params: &[opt(
        "tmp",
        T::Bool,
        "return a temporary directory associated with the current directory instead (`<dir>@tmp`, not created)",
    )],
    positional: None,
    body: Body::None,
    returns: "String",
    example: "def cache = \"${pwd(tmp: true)}/cache\"",
    side_effects: false,
    open_params: false,
};

/// Jenkins' `WorkspaceList.tempDir`: the sibling `<dir>@tmp`.
pub fn temp_dir_of(dir: &Path) -> PathBuf {
    let mut name = dir
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push("@tmp");
    match dir.parent() {
        Some(parent) => parent.join(name),
        None => PathBuf::from(name),
    }
}

impl Step for Pwd {
    fn spec(&self) -> &'static StepSpec {
        &PWD
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let ctx = StepCtx::current(call.interp);
        let dir = if call.args.bool("tmp").unwrap_or(false) {
            temp_dir_of(&ctx.cwd)
        } else {
            ctx.cwd.clone()
        };
        Ok(Value::string(dir.display().to_string()))
    }
}

pub struct DeleteDir;
static DELETE_DIR: StepSpec = StepSpec {
    name: "deleteDir",
    summary: "Delete the current directory and everything in it (symbolic links are removed, not followed).",
    params: &[],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "dir('build') { deleteDir() }",
    side_effects: true,
    open_params: false,
};

impl Step for DeleteDir {
    fn spec(&self) -> &'static StepSpec {
        &DELETE_DIR
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let ctx = StepCtx::current(call.interp);
        dry_note(call, "deleteDir", &ctx.cwd.display().to_string());
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let ctx = StepCtx::current(call.interp);
        let dir = &ctx.cwd;
        let r = match std::fs::symlink_metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
            // A link (even to a directory) is removed itself, its target left alone.
            Ok(m) if !m.is_dir() => std::fs::remove_file(dir),
            Ok(_) => std::fs::remove_dir_all(dir),
        };
        r.map_err(|e| io_error(dir, &e))?;
        Ok(Value::Null)
    }
}

pub struct WriteFile;
static WRITE_FILE: StepSpec = StepSpec {
    name: "writeFile",
    summary: "Write text to a file (parent directories are created).",
    params: &[
        req(
            "file",
            T::String,
            "the path, relative to the current directory",
        ),
        req("text", T::String, "the contents"),
        opt(
            "encoding",
            T::String,
            "the charset (UTF-8 by default), or `Base64` to write the bytes `text` encodes",
        ),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "writeFile file: 'version.txt', text: \"${env.BUILD_NUMBER}\\n\"",
    side_effects: true,
    open_params: false,
};

impl WriteFile {
    fn bytes(call: &StepCall<'_>) -> R<Vec<u8>> {
        let text = call.args.required_string("writeFile", "text")?;
        match call.args.string("encoding") {
            Some(e) if e == "Base64" => base64_decode(&text),
            e => Ok(Charset::for_name(e.as_deref())?.encode(&text)),
        }
    }
}

impl Step for WriteFile {
    fn spec(&self) -> &'static StepSpec {
        &WRITE_FILE
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let file = call.args.required_string("writeFile", "file")?;
        let bytes = Self::bytes(call)?;
        dry_note(
            call,
            "writeFile",
            &format!("{file} ({} bytes)", bytes.len()),
        );
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let file = call.args.required_string("writeFile", "file")?;
        let bytes = Self::bytes(call)?;
        let ctx = StepCtx::current(call.interp);
        write_bytes(&resolve(&ctx, &file), &bytes)?;
        Ok(Value::Null)
    }
}

pub struct ReadFile;
static READ_FILE: StepSpec = StepSpec {
    name: "readFile",
    summary: "Read a file's contents as a string.",
    params: &[
        req(
            "file",
            T::String,
            "the path, relative to the current directory",
        ),
        opt(
            "encoding",
            T::String,
            "the charset (UTF-8 by default), or `Base64` to get the bytes Base64-encoded",
        ),
    ],
    positional: Some("file"),
    body: Body::None,
    returns: "String",
    example: "def version = readFile('VERSION').trim()",
    side_effects: true,
    open_params: false,
};

impl ReadFile {
    fn read(call: &StepCall<'_>, dry: bool) -> R<Value> {
        let file = call.args.required_string("readFile", "file")?;
        let encoding = call.args.string("encoding");
        let charset = match encoding.as_deref() {
            Some("Base64") => None,
            e => Some(Charset::for_name(e)?),
        };
        let path = resolve(&StepCtx::current(call.interp), &file);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if dry && e.kind() == std::io::ErrorKind::NotFound => {
                dry_note(
                    call,
                    "readFile",
                    &format!("{file} does not exist; reading \"\""),
                );
                Vec::new()
            }
            Err(e) => return Err(io_error(&path, &e)),
        };
        Ok(Value::string(match charset {
            None => base64_encode(&bytes),
            Some(cs) => cs.decode(&bytes),
        }))
    }
}

// Reading changes nothing, so a dry run reads too; a missing file (perhaps one a skipped
// `writeFile` would have made) reads as empty.
reading_step!(ReadFile, READ_FILE);

pub struct FileExists;
static FILE_EXISTS: StepSpec = StepSpec {
    name: "fileExists",
    summary: "Whether a file or directory exists.",
    params: &[req(
        "file",
        T::String,
        "the path, relative to the current directory",
    )],
    positional: Some("file"),
    body: Body::None,
    returns: "boolean",
    example: "if (fileExists('package.json')) { sh 'npm ci' }",
    side_effects: false,
    open_params: false,
};

impl Step for FileExists {
    fn spec(&self) -> &'static StepSpec {
        &FILE_EXISTS
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let file = call.args.string("file").unwrap_or_default();
        let path = resolve(&StepCtx::current(call.interp), &file);
        Ok(Value::Bool(path.exists()))
    }
}
