//! Methods of numbers (Integer, Long, BigInteger, BigDecimal, Double, Float): the iteration
//! methods that take closures here, everything else in the numeric tower (`num`).

use super::{int_arg, last_closure, no_method};
use crate::eval::error::R;
use crate::eval::interp::Interp;
use crate::eval::num::{MethodValue, Num};
use crate::eval::ops::num_err;
use crate::eval::value::Value;
use crate::syntax::Span;

/// Converts a numeric method result into a value.
pub fn method_value(v: MethodValue) -> Value {
    match v {
        MethodValue::Num(n) => Value::Num(n),
        MethodValue::Bool(b) => Value::Bool(b),
        MethodValue::Str(s) => Value::string(s),
    }
}

pub fn number_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Num(n) = recv else { return None };
    let r: R<Value> = match (name, args.len()) {
        ("times", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(no_method(recv, name, args));
            };
            let k = n.to_i64();
            for i in 0..k.max(0) {
                if let Err(f) = interp
                    .check_cancelled()
                    .and_then(|()| interp.call_closure(&c, vec![Value::int_or_long(i)], span))
                {
                    return Some(Err(f));
                }
            }
            Ok(Value::Null)
        }
        ("upto", 2) | ("downto", 2) => {
            let Some(c) = last_closure(args) else {
                return Some(no_method(recv, name, args));
            };
            let to = match int_arg(interp, args, 0) {
                Ok(t) => t,
                Err(f) => return Some(Err(f)),
            };
            let from = n.to_i64();
            let seq: Box<dyn Iterator<Item = i64>> = if name == "upto" {
                Box::new(from..=to)
            } else {
                Box::new((to..=from).rev())
            };
            for i in seq {
                if let Err(f) = interp
                    .check_cancelled()
                    .and_then(|()| interp.call_closure(&c, vec![Value::int_or_long(i)], span))
                {
                    return Some(Err(f));
                }
            }
            Ok(Value::Null)
        }
        ("step", 3) => {
            let Some(c) = last_closure(args) else {
                return Some(no_method(recv, name, args));
            };
            let (to, step) = match (int_arg(interp, args, 0), int_arg(interp, args, 1)) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(f), _) | (_, Err(f)) => return Some(Err(f)),
            };
            if step == 0 {
                return Some(super::bad_arg("step must not be zero"));
            }
            let mut i = n.to_i64();
            while (step > 0 && i < to) || (step < 0 && i > to) {
                if let Err(f) = interp
                    .check_cancelled()
                    .and_then(|()| interp.call_closure(&c, vec![Value::int_or_long(i)], span))
                {
                    return Some(Err(f));
                }
                i += step;
            }
            Ok(Value::Null)
        }
        ("asBoolean", 0) => Ok(Value::Bool(!n.is_zero())),
        ("byteValue", 0) => Ok(Value::int(i32::from(n.to_i32() as i8))),
        ("shortValue", 0) => Ok(Value::int(i32::from(n.to_i32() as i16))),
        ("compareTo", 1) if !matches!(args[0], Value::Num(_)) => {
            crate::eval::ops::compare(interp, recv, &args[0]).map(|o| Value::int(o as i32))
        }
        ("equals", 1) if !matches!(args[0], Value::Num(_)) => Ok(Value::Bool(false)),
        _ => {
            // Arithmetic with a non-number (`5.plus('x')`) goes through the operators.
            if let (Some(op), [other]) = (operator_for(name), args) {
                if !matches!(other, Value::Num(_) | Value::Char(_)) {
                    return Some(interp.binary(op, recv.clone(), other.clone()));
                }
            }
            let nums: Option<Vec<Num>> = args
                .iter()
                .map(|a| match a {
                    Value::Num(m) => Some(m.clone()),
                    Value::Char(c) => Some(Num::Int(*c as i32)),
                    _ => None,
                })
                .collect();
            let nums = nums?;
            return n
                .call_method(name, &nums)
                .map(|r| r.map(method_value).map_err(num_err));
        }
    };
    Some(r)
}

fn operator_for(name: &str) -> Option<crate::syntax::ast::BinaryOp> {
    use crate::syntax::ast::BinaryOp as B;
    Some(match name {
        "plus" => B::Add,
        "minus" => B::Sub,
        "multiply" => B::Mul,
        "div" => B::Div,
        "mod" => B::Mod,
        "power" => B::Pow,
        "leftShift" => B::Shl,
        _ => return None,
    })
}
