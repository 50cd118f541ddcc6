//! Jenkins' own wording for every Declarative validation problem, and the stable diagnostic
//! code of each rule.
//!
//! The texts are copied from `pipeline-model-definition-plugin`
//! (`pipeline-model-definition/src/main/resources/org/jenkinsci/plugins/pipeline/modeldefinition/Messages.properties`,
//! `…/validator/Messages.properties`, `…/properties/Messages.properties`), rendered the way
//! `java.text.MessageFormat` prints them: `\u2018…\u2019` become curly quotes, `'{'` becomes `{`,
//! and a lone `'` disappears (so "can\'t" prints as "cant", exactly as Jenkins shows it).
//! Messages that Jenkins builds inline (Groovy compiler errors) say so.

use std::fmt::Display;

/// The rule a problem breaks: the suffix of its `pipe::validate::<kind>` diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// `pipeline { }` nested in another block, or without a block.
    PipelineBlock,
    /// A required section (`agent`, `stages`, `axes`, `name`, …) is missing.
    MissingSection,
    /// An unknown or removed section name.
    UndefinedSection,
    /// A section given twice.
    DuplicateSection,
    /// A section written in the wrong shape (no block, not a method call, …).
    InvalidSection,
    /// A section that may not be empty is empty.
    EmptySection,
    /// Two things that must have distinct names do not.
    DuplicateName,
    /// The structure of a stage (steps/stages/parallel/matrix, nesting).
    StageStructure,
    /// `agent` problems.
    Agent,
    /// `environment` values and names.
    Environment,
    /// Identifiers that must be valid environment variable names.
    Identifier,
    /// An option, trigger, parameter or tool type not allowed where it is used.
    DirectiveType,
    /// Arguments of a method call, step or condition.
    Arguments,
    /// Literal values Declarative cannot use.
    Value,
    /// `when` conditions.
    When,
    /// `post` conditions.
    Post,
    /// Statements inside `steps`.
    Step,
    /// `input` fields.
    Input,
    /// `tools` entries.
    Tools,
    /// `libraries` entries.
    Libraries,
    /// `matrix` axes and excludes.
    Matrix,
    /// Option-specific checks (`preserveStashes` range).
    Option,
    /// Errors the Groovy compiler reports for code our parser accepts.
    Groovy,
}

impl Code {
    /// The full diagnostic code, `pipe::validate::<kind>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::PipelineBlock => "pipe::validate::pipeline-block",
            Code::MissingSection => "pipe::validate::missing-section",
            Code::UndefinedSection => "pipe::validate::undefined-section",
            Code::DuplicateSection => "pipe::validate::duplicate-section",
            Code::InvalidSection => "pipe::validate::invalid-section",
            Code::EmptySection => "pipe::validate::empty-section",
            Code::DuplicateName => "pipe::validate::duplicate-name",
            Code::StageStructure => "pipe::validate::stage-structure",
            Code::Agent => "pipe::validate::agent",
            Code::Environment => "pipe::validate::environment",
            Code::Identifier => "pipe::validate::identifier",
            Code::DirectiveType => "pipe::validate::directive-type",
            Code::Arguments => "pipe::validate::arguments",
            Code::Value => "pipe::validate::value",
            Code::When => "pipe::validate::when",
            Code::Post => "pipe::validate::post",
            Code::Step => "pipe::validate::step",
            Code::Input => "pipe::validate::input",
            Code::Tools => "pipe::validate::tools",
            Code::Libraries => "pipe::validate::libraries",
            Code::Matrix => "pipe::validate::matrix",
            Code::Option => "pipe::validate::option",
            Code::Groovy => "pipe::validate::groovy",
        }
    }
}

/// Java's `List.toString()`: `[a, b, c]`.
pub fn java_list<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    format!("[{}]", parts.join(", "))
}

// --- Parser.* -----------------------------------------------------------------------------

pub fn multiple_of_section(name: &str) -> String {
    format!("Multiple occurrences of the {name} section")
}

pub fn undefined_section(name: &str) -> String {
    format!("Undefined section \"{name}\"")
}

// --- ModelParser.* ------------------------------------------------------------------------

pub fn bare_dollar_curly(text: &str) -> String {
    format!("{text} cannot be used as a value directly. Did you mean \"{text}\"? (add quotes)")
}

pub const BIG_INTEGER_VALUE: &str = "BigIntegers cannot be used as constants in Declarative. The maximum value for an integer is 9,223,372,036,854,775,807 and the minimum value for an integer is -9,223,372,036,854,775,808.";

/// `what` is `Options`, `Triggers`, `Build parameters` or `Libraries` (`Parser.*`).
pub fn cannot_have_blocks(what: &str) -> String {
    format!("{what} definitions cannot have blocks")
}

pub fn duplicate_env_var(name: &str) -> String {
    format!("Duplicate environment variable name: \"{name}\"")
}

pub const EXPECTED_AGENT: &str = "Expected an agent";
pub const EXPECTED_BLOCK: &str = "Expected a block";

pub fn expected_boolean(name: &str) -> String {
    format!("Expected a boolean with {name}")
}

pub const EXPECTED_BUILD_PARAMETER: &str = "Expected a build parameter definition";
pub const EXPECTED_CLOSURE_OR_FAIL_FAST: &str = "Expected closure or failFast";

pub fn expected_library(text: &str) -> String {
    format!("Expected a \"lib(...)\" but got {text}")
}

pub const EXPECTED_MAP_METHOD: &str = "Expected to find \u{2018}someKey \"someValue\"\u{2019}";
pub const EXPECTED_OPTION: &str = "Expected an option";
pub const EXPECTED_NV_PAIRS: &str = "Expected name=value pairs";
pub const EXPECTED_STAGE: &str = "Expected a stage";
pub const EXPECTED_STAGE_NAME: &str = "Expected a stage name but did not find any";

pub fn expected_block_for(name: &str) -> String {
    format!("Expected a block for {name}")
}

pub const EXPECTED_STEP: &str = "Expected a step";
pub const EXPECTED_STRING_LITERAL: &str = "Expected string literal";

pub fn expected_string_literal_but_got(text: &str) -> String {
    format!("Expected string literal but got {text}")
}

pub const EXPECTED_SYMBOL: &str = "Expected a symbol";
pub const EXPECTED_TOOL: &str = "Expected to find \u{2018}someTool \"someVersion\"\u{2019}";
pub const EXPECTED_TRIGGER: &str = "Expected a trigger";
pub const EXPECTED_WHEN: &str = "Expected a when condition";
pub const INVALID_AGENT: &str =
    "Only \"agent none\", \"agent any\" or \"agent {...}\" are allowed.";

pub fn invalid_build_condition_section(names: &str) -> String {
    format!(
        "The \u{2018}post\u{2019} section can only contain build condition names with code blocks. Valid condition names are {names}"
    )
}

pub fn invalid_environment_identifier(text: &str) -> String {
    format!(
        "\"{text}\" is not a valid environment expression. Use \"key = value\" pairs with valid Java/shell keys."
    )
}

pub const INVALID_ENVIRONMENT_OPERATION: &str =
    "Environment variable values can only be joined together with \u{2018}+\u{2019}s.";
pub const INVALID_ENVIRONMENT_CONCAT_VALUE: &str =
    "Environment variable values to be concatenated together must be single or double quoted.";
pub const INVALID_ENVIRONMENT_VALUE: &str =
    "Environment variable values must either be single quoted, double quoted, or function calls.";

pub fn invalid_input_field(name: &str) -> String {
    format!("Not a valid field for input: \"{name}\"")
}

pub const INVALID_INTERNAL_FUNCTION_ARG: &str =
    "Internal function call parameters must be strings.";

pub fn invalid_section_definition(text: &str) -> String {
    format!("Not a valid section definition: \"{text}\". Some extra configuration is required.")
}

pub fn invalid_stage_section_definition(text: &str) -> String {
    format!(
        "Not a valid stage section definition: \"{text}\". Some extra configuration is required."
    )
}

pub fn map_not_allowed(what: &str) -> String {
    format!("{what} cannot be defined as maps")
}

pub const METHOD_CALL_WITH_CLOSURE: &str = "Method call arguments";
pub const NO_ARG_FOR_AGENT: &str = "No argument for agent";

pub fn no_arg_for_field(name: &str) -> String {
    format!("No argument for field \"{name}\"")
}

pub fn no_arg_for_map_method_key(name: &str) -> String {
    format!("No argument for map key \"{name}\"")
}

pub fn no_arg_for_tool(name: &str) -> String {
    format!("No argument for tool \"{name}\"")
}

pub const OBJECT_METHOD_CALL: &str =
    "Method calls on objects not allowed outside \"script\" blocks.";
pub const ONE_AGENT_MAX: &str = "Only one agent type is allowed per agent section";
pub const PIPELINE_BLOCK_NOT_AT_TOP: &str =
    "pipeline block must be at the top-level, not within another block.";
pub const PIPELINE_STEP_WITHOUT_BLOCK: &str = "Expected a block with the \"pipeline\" step";
pub const RENAMED_JOB_PROPERTIES: &str = "The \u{2018}jobProperties\u{2019} section has been renamed as of version 0.7. Use \u{2018}properties\u{2019} instead.";
pub const RENAMED_NOTIFICATIONS: &str = "The \u{2018}notifications\u{2019} section has been removed as of version 0.6. Use \u{2018}post\u{2019} for all post-build actions.";
pub const RENAMED_PROPERTIES: &str = "The \u{2018}properties\u{2019} section has been renamed as of version 0.8. Use \u{2018}options\u{2019} instead.";
pub const RENAMED_POST_BUILD: &str = "The \u{2018}postBuild\u{2019} section has been renamed as of version 0.6. Use \u{2018}post\u{2019} for all post-build actions.";
/// Inline in `ModelParser.groovy` (no Messages key).
pub const REMOVED_WRAPPERS: &str =
    "The 'wrappers' section has been removed as of version 0.8. Use 'options' instead.";
pub const STAGE_WITHOUT_BLOCK: &str = "Stage does not have a block";

/// `what` is `Script` or `When`.
pub fn step_without_block(what: &str) -> String {
    format!("{what} step without a block")
}

pub fn too_many_args_for_field(name: &str) -> String {
    format!("Too many arguments for field \"{name}\"")
}

pub fn too_many_args_for_map_method_key(name: &str) -> String {
    format!("Too many arguments for map key \"{name}\"")
}

pub fn too_many_args_for_tool(name: &str) -> String {
    format!("Too many arguments for tool \"{name}\"")
}

pub fn unknown_stage_section(name: &str) -> String {
    format!(
        "Unknown stage section \"{name}\". Starting with version 0.5, steps in a stage must be in a \u{2018}steps\u{2019} block."
    )
}

pub const MATRIX_EXCLUDE_AXIS_VALUES_OR_NOT_VALUES: &str =
    "Exclude axis must contain either \"values\" or \"notValues\"";

// --- ModelValidatorImpl.* -----------------------------------------------------------------

pub fn empty_section(name: &str) -> String {
    format!("{name} can not be empty")
}

pub fn duplicate_build_condition(name: &str) -> String {
    format!("Duplicate build condition name: \"{name}\"")
}

pub fn invalid_build_condition(name: &str, names: &str) -> String {
    format!("Invalid condition \"{name}\" - valid conditions are {names}")
}

pub const NO_ENV_VARS: &str = "No variables specified for environment";
pub const NO_TOOLS: &str = "No tools specified";

/// `kind` is `option`, `trigger`, `parameter` or `tool`.
pub fn invalid_section_type(kind: &str, name: &str, allowed: &str) -> String {
    format!("Invalid {kind} type \"{name}\". Valid {kind} types: {allowed}")
}

pub const EMPTY_WHEN: &str = "Empty when closure, remove the property or add some content.";

pub fn blocked_step(name: &str, why: &str) -> String {
    format!("Invalid step \"{name}\" used - not allowed in this context - {why}")
}

pub fn invalid_step_parameter(name: &str, nearest: &str) -> String {
    format!("Invalid parameter \"{name}\", did you mean \"{nearest}\"?")
}

pub fn missing_required_step_parameter(name: &str) -> String {
    format!("Missing required parameter: \"{name}\"")
}

pub fn too_many_unnamed_parameters(name: &str) -> String {
    format!("Arguments to \"{name}\" must be explicitly named.")
}

pub fn wrong_number_of_step_parameters(name: &str, expected: usize, got: usize) -> String {
    format!("\"{name}\" should have {expected} arguments but has {got} arguments instead.")
}

pub const NOT_SINGLE_REQUIRED_PARAMETER: &str =
    "Step does not take a single required parameter - use named parameters instead";
pub const MIXED_NAMED_AND_UNNAMED_PARAMETERS: &str = "Cannot mix named and unnamed arguments";

pub fn invalid_parameter_type(expected: &str, name: &str, value: &str, value_type: &str) -> String {
    format!(
        "Expecting \"{expected}\" for parameter \"{name}\" but got \"{value}\" of type {value_type} instead"
    )
}

pub fn invalid_unnamed_parameter_type(expected: &str, value: &str, value_type: &str) -> String {
    format!("Expecting \"{expected}\" but got \"{value}\" of type {value_type} instead")
}

pub const NO_STEPS: &str = "No steps specified for branch";

pub fn required_section(name: &str) -> String {
    format!("Missing required section \"{name}\"")
}

pub fn nothing_for_stage(name: &str) -> String {
    format!("Expected one of \"steps\", \"stages\", or \"parallel\" for stage \"{name}\"")
}

pub const NO_STAGES: &str = "No stages specified";

pub fn duplicate_parallel_name(name: &str) -> String {
    format!("Duplicate parallel branch name: \"{name}\"")
}

pub fn duplicate_stage_name(name: &str) -> String {
    format!("Duplicate stage name: \"{name}\"")
}

pub fn duplicate_option_name(name: &str) -> String {
    format!("Duplicate option name: \"{name}\"")
}

pub fn duplicate_trigger_name(name: &str) -> String {
    format!("Duplicate trigger name: \"{name}\"")
}

pub fn no_agent_type(types: &str) -> String {
    format!("No agent type specified. Must be one of {types}")
}

pub fn invalid_agent_type(name: &str, types: &str) -> String {
    format!("Invalid agent type \"{name}\" specified. Must be one of {types}")
}

pub fn missing_agent_parameter(agent: &str, param: &str) -> String {
    format!("Missing required parameter for agent type \"{agent}\": {param}")
}

pub fn invalid_agent_parameter(param: &str, agent: &str, valid: &str) -> String {
    format!(
        "Invalid config option \"{param}\" for agent type \"{agent}\". Valid config options are {valid}"
    )
}

pub fn unknown_when_conditional(name: &str, valid: &str) -> String {
    format!("Unknown conditional {name}. Valid conditionals are: {valid}")
}

pub fn multiple_agent_parameters(agent: &str, params: &str) -> String {
    format!(
        "Multiple parameters are required for agent type \"{agent}\" - {params}. Please use a block instead."
    )
}

pub fn invalid_identifier_in_env(name: &str) -> String {
    format!(
        "\"{name}\" is not a valid identifier and cannot be used for an environment variable. Identifiers must start with a letter or underscore and can contain only letters, numbers or underscores."
    )
}

pub fn nested_when_no_args(name: &str) -> String {
    format!("No additional arguments are allowed for children when condition \"{name}\".")
}

pub fn no_nested_when_allowed(name: &str) -> String {
    format!("No children when conditions are allowed for when condition \"{name}\".")
}

pub fn nested_when_without_children(name: &str) -> String {
    format!("Nested when condition \"{name}\" requires at least one child condition.")
}

pub fn nested_when_wrong_children_count(name: &str, count: usize) -> String {
    format!("Nested when condition \"{name}\" requires exactly {count} child condition(s).")
}

pub fn two_of_steps_stages_parallel(name: &str) -> String {
    format!(
        "Only one of \"matrix\", \"parallel\", \"stages\", or \"steps\" allowed for stage \"{name}\""
    )
}

pub fn agent_in_nested_stages(name: &str) -> String {
    format!("\"agent\" is not allowed in stage \"{name}\" as it contains parallel or matrix stages")
}

pub fn tools_in_nested_stages(name: &str) -> String {
    format!("\"tools\" is not allowed in stage \"{name}\" as it contains parallel or matrix stages")
}

pub const NO_NESTED_WITHIN_NESTED_STAGES: &str =
    "\"matrix\" or \"parallel\" cannot be nested inside another \"matrix\" or \"parallel\".";
pub const MISSING_INPUT_MESSAGE: &str = "No message specified for input";
pub const NO_AXES: &str = "No axis directives specified";
pub const NO_EXCLUDES: &str = "No exclude directives specified";

pub fn duplicate_axis_name(name: &str) -> String {
    format!("Duplicate axis name: \"{name}\"")
}

pub fn duplicate_axis_value(value: &str) -> String {
    format!("Duplicate axis value: \"{value}\"")
}

// --- Validator contributors ---------------------------------------------------------------

pub fn bad_regular_expression(pattern: &str, error: impl Display) -> String {
    format!("\"{pattern}\" is not a valid regular expression. {error}")
}

pub const REJECT_PARAMETERS_IN_OPTIONS: &str = "The \"parameters\" job property cant be used in the \"options\" directive. Use the \"parameters {...}\" directive instead.";
pub const REJECT_TRIGGERS_IN_OPTIONS: &str = "The \"triggers\" job property cant be used in the \"options\" directive. Use the \"triggers {...}\" directive instead.";
pub const BLOCKED_STAGE: &str = "The stage step cannot be used in Declarative Pipelines";
pub const BLOCKED_PROPERTIES: &str = "The properties step cannot be used in Declarative Pipelines";
pub const BLOCKED_PARALLEL: &str =
    "The parallel step can only be used as the only top-level step in a stages step block";
pub const BLOCKED_NODE: &str =
    "The node step cannot be called as an argument to a method in Declarative Pipelines";
pub const PRESERVE_STASHES_BUILD_COUNT: &str =
    "The number of builds to preserve must be between 1 and 50.";

// --- Groovy compiler errors (our parser accepts these; `groovyc` does not) -----------------

pub fn groovy_not_a_variable(text: &str, kind: &str) -> String {
    format!("{text} is a {kind} expression, but it should be a variable expression")
}

pub fn groovy_duplicate_named_parameter(name: &str) -> String {
    format!("Duplicate named parameter '{name}' found.")
}
