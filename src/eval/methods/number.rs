//! Methods of numbers (Integer, Long, BigInteger, BigDecimal, Double, Float).

use super::{int_arg, last_closure, no_method};
use crate::eval::error::R;
use crate::eval::interp::Interp;
use crate::eval::num::Num;
use crate::eval::ops::{compare, num_err};
use crate::eval::value::Value;
use crate::syntax::ast::BinaryOp;
use crate::syntax::Span;

fn num(v: Num) -> R<Value> {
    Ok(Value::Num(v))
}

pub fn number_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Num(n) = recv else { return None };
    let binop = |op: BinaryOp| interp.binary(op, recv.clone(), args[0].clone());
    let r: R<Value> = match (name, args.len()) {
        ("plus", 1) => binop(BinaryOp::Add),
        ("minus", 1) => binop(BinaryOp::Sub),
        ("multiply", 1) => binop(BinaryOp::Mul),
        ("div", 1) => binop(BinaryOp::Div),
        ("mod", 1) => binop(BinaryOp::Mod),
        ("power", 1) => binop(BinaryOp::Pow),
        ("leftShift", 1) => binop(BinaryOp::Shl),
        ("rightShift", 1) => binop(BinaryOp::Shr),
        ("rightShiftUnsigned", 1) => binop(BinaryOp::UShr),
        ("and", 1) => binop(BinaryOp::BitAnd),
        ("or", 1) => binop(BinaryOp::BitOr),
        ("xor", 1) => binop(BinaryOp::BitXor),
        ("intdiv", 1) => match &args[0] {
            Value::Num(m) => n.intdiv(m).map(Value::Num).map_err(num_err),
            _ => return Some(no_method(recv, name, args)),
        },
        ("remainder", 1) => match &args[0] {
            Value::Num(m) => n.remainder(m).map(Value::Num).map_err(num_err),
            _ => return Some(no_method(recv, name, args)),
        },
        ("negative", 0) => n.neg().map(Value::Num).map_err(num_err),
        ("positive", 0) => Ok(recv.clone()),
        ("bitwiseNegate", 0) => n.bit_not().map(Value::Num).map_err(num_err),
        ("next", 0) => crate::eval::ops::next(interp, recv),
        ("previous", 0) => crate::eval::ops::previous(interp, recv),
        ("compareTo", 1) => compare(interp, recv, &args[0]).map(|o| Value::int(o as i32)),
        ("equals", 1) => Ok(Value::Bool(match &args[0] {
            Value::Num(m) => n.java_equals(m),
            _ => false,
        })),
        ("hashCode", 0) => Ok(Value::int(n.java_hash())),
        ("toString", 0) => Ok(Value::string(n.to_string())),
        ("intValue" | "toInteger" | "shortValue" | "byteValue", 0) => num(Num::Int(n.to_i32())),
        ("longValue" | "toLong", 0) => num(Num::Long(n.to_i64())),
        ("doubleValue" | "toDouble", 0) => num(Num::Double(n.to_f64())),
        ("floatValue" | "toFloat", 0) => num(Num::Float(n.to_f64() as f32)),
        ("toBigDecimal", 0) => Num::parse_big_decimal(&n.to_string())
            .map(Value::Num)
            .map_err(num_err),
        ("asBoolean", 0) => Ok(Value::Bool(!n.is_zero())),
        ("abs", 0) => {
            if n.compare(&Num::Int(0)) == std::cmp::Ordering::Less {
                n.neg().map(Value::Num).map_err(num_err)
            } else {
                Ok(recv.clone())
            }
        }
        ("times", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(no_method(recv, name, args));
            };
            let k = n.to_i64();
            for i in 0..k.max(0) {
                if let Err(f) = interp.call_closure(&c, vec![Value::int_or_long(i)], span) {
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
                if let Err(f) = interp.call_closure(&c, vec![Value::int_or_long(i)], span) {
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
                if let Err(f) = interp.call_closure(&c, vec![Value::int_or_long(i)], span) {
                    return Some(Err(f));
                }
                i += step;
            }
            Ok(Value::Null)
        }
        _ => return None,
    };
    Some(r)
}
