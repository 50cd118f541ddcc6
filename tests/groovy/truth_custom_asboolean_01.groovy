class Result {
  boolean ok
  boolean asBoolean() { ok }
}
println new Result(ok: true) ? 'yes' : 'no'
println new Result(ok: false) ? 'yes' : 'no'
class Plain {}
println new Plain() ? 'yes' : 'no'
def r = new Result(ok: false)
if (!r) println 'negated'
println([new Result(ok: true), new Result(ok: false)].findAll().size())
println(r && true)
println(r || 'x')
